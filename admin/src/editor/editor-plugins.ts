import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { dropCursor } from 'prosemirror-dropcursor';
import { gapCursor } from 'prosemirror-gapcursor';
import { history, redo, undo } from 'prosemirror-history';
import { inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import { liftListItem, splitListItem } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import { markCommand, setTextStyle } from './editor-commands.js';
import { editorSchema as schema } from './editor-schema.js';

const insertBreak: Command = chainCommands(exitCode, (state, dispatch) => {
  dispatch?.(state.tr.replaceSelectionWith(schema.nodes.hard_break.create()).scrollIntoView());
  return true;
});

/**
 * Keys and typing shortcuts. Tab is left alone on purpose, so keyboard users can always
 * leave the editor with it. `onLinkKey` opens the link dialog (Mod-k).
 */
export function createEditorPlugins(onLinkKey: () => boolean): Plugin[] {
  return [
    inputRules({
      rules: [
        textblockTypeInputRule(/^(#{2,4})\s$/, schema.nodes.heading, (match) => ({
          level: match[1]?.length ?? 2,
        })),
        textblockTypeInputRule(/^>\s$/, schema.nodes.quote),
        wrappingInputRule(/^\s*([-+*])\s$/, schema.nodes.bullet_list),
        wrappingInputRule(/^(\d+)\.\s$/, schema.nodes.ordered_list),
      ],
    }),
    keymap({
      'Mod-z': undo,
      'Shift-Mod-z': redo,
      'Mod-y': redo,
      'Mod-b': markCommand('bold'),
      'Mod-i': markCommand('italic'),
      'Mod-`': markCommand('code'),
      'Mod-Shift-x': markCommand('strike'),
      'Mod-k': () => onLinkKey(),
      'Mod-Alt-0': setTextStyle('paragraph'),
      'Mod-Alt-2': setTextStyle('heading-2'),
      'Mod-Alt-3': setTextStyle('heading-3'),
      'Mod-Alt-4': setTextStyle('heading-4'),
      'Shift-Enter': insertBreak,
      Enter: splitListItem(schema.nodes.list_item),
      'Mod-[': liftListItem(schema.nodes.list_item),
    }),
    keymap(baseKeymap),
    history(),
    dropCursor(),
    gapCursor(),
  ];
}
