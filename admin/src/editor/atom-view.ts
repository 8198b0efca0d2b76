import type { Node as PmNode } from 'prosemirror-model';
import type { EditorView, NodeView } from 'prosemirror-view';
import { el } from './dom-builder.js';

/**
 * What every atom block's view shares (image, embed, related card, divider, paywall): a
 * labelled group that ProseMirror moves as one piece, whose own fields, buttons and links
 * take their events instead of the editor.
 */

export type GetPos = () => number | undefined;

export function setAttr(view: EditorView, getPos: GetPos, name: string, value: unknown): void {
  const pos = getPos();
  if (pos === undefined) return;
  const node = view.state.doc.nodeAt(pos);
  if (node === null) return;
  view.dispatch(view.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, [name]: value }));
}

export function removeButton(label: string, view: EditorView, getPos: GetPos): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'block-remove' }, [label]);
  button.addEventListener('click', () => {
    const pos = getPos();
    if (pos === undefined) return;
    const node = view.state.doc.nodeAt(pos);
    if (node === null) return;
    view.dispatch(view.state.tr.delete(pos, pos + node.nodeSize));
    view.focus();
  });
  return button;
}

export abstract class AtomView implements NodeView {
  readonly dom: HTMLElement;

  constructor(
    protected node: PmNode,
    protected readonly view: EditorView,
    protected readonly getPos: GetPos,
    label: string,
  ) {
    this.dom = el('div', {
      class: `block block-${node.type.name}`,
      role: 'group',
      'aria-label': label,
      contenteditable: 'false',
    });
  }

  update(node: PmNode): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.refresh();
    return true;
  }

  protected refresh(): void {
    // Atoms without fields have nothing to refresh.
  }

  stopEvent(event: Event): boolean {
    const target = event.target as Element | null;
    return target !== null && target.closest('input, button, textarea, select, label, a') !== null;
  }

  ignoreMutation(): boolean {
    return true;
  }

  selectNode(): void {
    this.dom.classList.add('is-selected');
  }

  deselectNode(): void {
    this.dom.classList.remove('is-selected');
  }
}
