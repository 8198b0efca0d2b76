import { setBlockType, toggleMark } from 'prosemirror-commands';
import type { MarkType, Node as PmNode, NodeType } from 'prosemirror-model';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { editorSchema as schema } from './editor-schema.js';

/** The editor's commands, as the toolbar and the keyboard use them. */

export type TextStyle =
  'paragraph' | 'heading-2' | 'heading-3' | 'heading-4' | 'quote' | 'pullquote';

export const textStyles: readonly { value: TextStyle; label: string }[] = [
  { value: 'paragraph', label: 'Paragraph' },
  { value: 'heading-2', label: 'Heading 2' },
  { value: 'heading-3', label: 'Heading 3' },
  { value: 'heading-4', label: 'Heading 4' },
  { value: 'quote', label: 'Quote' },
  { value: 'pullquote', label: 'Pull quote' },
];

export function setTextStyle(style: TextStyle): Command {
  switch (style) {
    case 'paragraph':
      return setBlockType(schema.nodes.paragraph);
    case 'heading-2':
    case 'heading-3':
    case 'heading-4':
      return setBlockType(schema.nodes.heading, { level: Number(style.slice(-1)) });
    case 'quote':
      return setBlockType(schema.nodes.quote);
    case 'pullquote':
      return setBlockType(schema.nodes.pullquote);
  }
}

/** The style of the text block holding the cursor, or null inside a list or on an atom. */
export function currentTextStyle(state: EditorState): TextStyle | null {
  const { $from } = state.selection;
  if ($from.depth > 1) return null;
  const parent = $from.parent;
  switch (parent.type.name) {
    case 'paragraph':
      return 'paragraph';
    case 'heading':
      return `heading-${String(parent.attrs.level)}` as TextStyle;
    case 'quote':
      return 'quote';
    case 'pullquote':
      return 'pullquote';
    default:
      return null;
  }
}

export function isMarkActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return type.isInSet(state.storedMarks ?? $from.marks()) !== undefined;
  return state.doc.rangeHasMark(from, to, type);
}

export function markCommand(name: 'bold' | 'italic' | 'strike' | 'code'): Command {
  return toggleMark(schema.marks[name]);
}

function listTypeAround(state: EditorState): NodeType | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const type = $from.node(depth).type;
    if (type === schema.nodes.bullet_list || type === schema.nodes.ordered_list) return type;
  }
  return null;
}

export function isInList(state: EditorState, ordered: boolean): boolean {
  return listTypeAround(state) === (ordered ? schema.nodes.ordered_list : schema.nodes.bullet_list);
}

/** Turns the text into a list, out of one, or from one kind of list into the other. */
export function toggleList(ordered: boolean): Command {
  const want = ordered ? schema.nodes.ordered_list : schema.nodes.bullet_list;
  return (state, dispatch) => {
    const around = listTypeAround(state);
    if (around === want) return liftListItem(schema.nodes.list_item)(state, dispatch);
    if (around !== null) {
      if (dispatch === undefined) return true;
      const { $from } = state.selection;
      for (let depth = $from.depth; depth > 0; depth -= 1) {
        if ($from.node(depth).type === around) {
          dispatch(state.tr.setNodeMarkup($from.before(depth), want));
          return true;
        }
      }
      return false;
    }
    return wrapInList(want)(state, dispatch);
  };
}

/** The link at the cursor or over the selection, if any. */
export function findLinkHref(state: EditorState): string | null {
  const { $from, from, to, empty } = state.selection;
  const type = schema.marks.link;
  const marks = empty ? $from.marks() : [];
  let href = type.isInSet(marks)?.attrs.href as string | undefined;
  if (href === undefined && !empty) {
    state.doc.nodesBetween(from, to, (node) => {
      href ??= type.isInSet(node.marks)?.attrs.href as string | undefined;
    });
  }
  return href ?? null;
}

/** Links the selected text, or unlinks it when `href` is empty. */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const type = schema.marks.link;
    let { from, to } = state.selection;
    const { $from, empty } = state.selection;
    if (empty) {
      // With no selection, change the whole link around the cursor.
      const link = type.isInSet($from.marks());
      if (link === undefined) return false;
      const parent = $from.parent;
      const start = $from.start();
      let offset = 0;
      parent.forEach((child) => {
        const childFrom = start + offset;
        const childTo = childFrom + child.nodeSize;
        if (childFrom <= $from.pos && childTo >= $from.pos && link.isInSet(child.marks)) {
          from = Math.min(from, childFrom);
          to = Math.max(to, childTo);
        }
        offset += child.nodeSize;
      });
    }
    if (dispatch !== undefined) {
      const tr = state.tr.removeMark(from, to, type);
      if (href.trim() !== '') tr.addMark(from, to, type.create({ href: href.trim() }));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Puts a block after the top-level block holding the cursor (or in place of an empty
 * paragraph), and leaves the cursor in a paragraph after it, so writing goes on there and
 * a second insert never replaces the first.
 */
export function insertBlock(node: PmNode): Command {
  return (state, dispatch) => {
    if (dispatch === undefined) return true;
    const { paragraph } = schema.nodes;
    const { $from } = state.selection;
    const tr = state.tr;
    let pos: number;
    if ($from.depth === 0) {
      pos = state.selection.to;
    } else {
      const top = $from.node(1);
      const start = $from.before(1);
      if (top.type === paragraph && top.content.size === 0) {
        tr.delete(start, start + top.nodeSize);
        pos = start;
      } else {
        pos = $from.after(1);
      }
    }
    tr.insert(pos, node);
    const after = pos + node.nodeSize;
    if (tr.doc.resolve(after).nodeAfter?.type !== paragraph) tr.insert(after, paragraph.create());
    tr.setSelection(TextSelection.create(tr.doc, after + 1));
    dispatch(tr.scrollIntoView());
    return true;
  };
}

export function hasPaywall(state: EditorState): boolean {
  let found = false;
  state.doc.forEach((node) => {
    if (node.type === schema.nodes.paywall) found = true;
  });
  return found;
}
