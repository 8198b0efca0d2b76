import type { EditorState } from 'prosemirror-state';
import { hasPaywall, insertBlock, setTextStyle, toggleList } from './editor-commands.js';
import { editorSchema as schema } from './editor-schema.js';
import type { Command } from 'prosemirror-state';

/**
 * The "/" insert menu: typing "/" at the start of an empty paragraph lists what can go
 * there; letters after it filter the list ("/ima" → Image).
 */

export type SlashAction =
  | { readonly kind: 'command'; readonly command: Command }
  | { readonly kind: 'dialog'; readonly dialog: 'image' | 'embed' | 'related' };

export interface SlashItem {
  readonly id: string;
  readonly label: string;
  /** Other words it is found by. */
  readonly keywords: string;
  readonly action: (state: EditorState) => SlashAction | null;
}

const command = (c: Command): SlashAction => ({ kind: 'command', command: c });

export const slashItems: readonly SlashItem[] = [
  {
    id: 'h2',
    label: 'Heading 2',
    keywords: 'title subheading',
    action: () => command(setTextStyle('heading-2')),
  },
  {
    id: 'h3',
    label: 'Heading 3',
    keywords: 'title subheading',
    action: () => command(setTextStyle('heading-3')),
  },
  {
    id: 'quote',
    label: 'Quote',
    keywords: 'blockquote citation',
    action: () => command(setTextStyle('quote')),
  },
  {
    id: 'pullquote',
    label: 'Pull quote',
    keywords: 'highlight',
    action: () => command(setTextStyle('pullquote')),
  },
  {
    id: 'bullets',
    label: 'Bulleted list',
    keywords: 'unordered ul',
    action: () => command(toggleList(false)),
  },
  {
    id: 'numbers',
    label: 'Numbered list',
    keywords: 'ordered ol',
    action: () => command(toggleList(true)),
  },
  {
    id: 'image',
    label: 'Image',
    keywords: 'photo picture',
    action: () => ({ kind: 'dialog', dialog: 'image' }),
  },
  {
    id: 'embed',
    label: 'Embed',
    keywords: 'video youtube social',
    action: () => ({ kind: 'dialog', dialog: 'embed' }),
  },
  {
    id: 'related',
    label: 'Related article',
    keywords: 'link card read',
    action: () => ({ kind: 'dialog', dialog: 'related' }),
  },
  {
    id: 'divider',
    label: 'Divider',
    keywords: 'line rule separator',
    action: () => command(insertBlock(schema.nodes.divider.create())),
  },
  {
    id: 'paywall',
    label: 'Paywall marker',
    keywords: 'members paid',
    action: (state) =>
      hasPaywall(state) ? null : command(insertBlock(schema.nodes.paywall.create())),
  },
];

export interface SlashQuery {
  /** Where the "/" is. */
  readonly from: number;
  /** The cursor, after the typed letters. */
  readonly to: number;
  readonly query: string;
}

/** The "/query" being typed at the start of a paragraph, when the cursor is at its end. */
export function findSlashQuery(state: EditorState | null): SlashQuery | null {
  if (state === null) return null;
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  if ($from.parent.type !== schema.nodes.paragraph || $from.depth !== 1) return null;
  const text = $from.parent.textContent;
  if ($from.parentOffset !== text.length) return null;
  const match = /^\/([\p{L}\d ]{0,20})$/u.exec(text);
  if (match === null) return null;
  return { from: $from.start(), to: $from.pos, query: (match[1] ?? '').trim().toLowerCase() };
}

export function matchSlashItems(query: string, state: EditorState): SlashItem[] {
  return slashItems.filter(
    (item) =>
      item.action(state) !== null &&
      (query === '' || `${item.label} ${item.keywords}`.toLowerCase().includes(query)),
  );
}
