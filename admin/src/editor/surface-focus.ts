import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { editorSchema as schema } from './editor-schema.js';

/**
 * A press in the empty space below the last block puts the cursor at the end of the text,
 * after a new paragraph when the last block is an image, embed or other atom. Returns
 * true when it handled the press.
 */
export function cursorAtEndBelow(view: EditorView, event: MouseEvent): boolean {
  if (event.target !== view.dom || event.button !== 0) return false;
  const last = view.dom.lastElementChild;
  if (last !== null && event.clientY <= last.getBoundingClientRect().bottom) return false;
  event.preventDefault();
  const { doc } = view.state;
  const tr = view.state.tr;
  if (doc.lastChild === null || !doc.lastChild.isTextblock) {
    tr.insert(doc.content.size, schema.nodes.paragraph.create());
  }
  tr.setSelection(TextSelection.atEnd(tr.doc));
  view.dispatch(tr.scrollIntoView());
  view.focus();
  return true;
}

/** Alt+F10: the toolbar's current control takes focus. */
export function focusToolbar(root: HTMLElement): void {
  root.querySelector<HTMLElement>('.toolbar [tabindex="0"]')?.focus();
}
