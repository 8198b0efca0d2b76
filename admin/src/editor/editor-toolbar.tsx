import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { ComponentChildren } from 'preact';
import {
  currentTextStyle,
  hasPaywall,
  insertBlock,
  isInList,
  isMarkActive,
  markCommand,
  setTextStyle,
  textStyles,
  toggleList,
  type TextStyle,
} from './editor-commands.js';
import { editorSchema as schema } from './editor-schema.js';
import { useRovingToolbar } from './roving-toolbar.js';

type Dialog = 'image' | 'embed' | 'related' | 'link';

function ToolButton(props: {
  readonly label: string;
  readonly pressed?: boolean;
  readonly disabled?: boolean;
  readonly title?: string;
  readonly onPress: () => void;
  readonly children?: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class="tool"
      aria-pressed={props.pressed}
      disabled={props.disabled}
      title={props.title}
      // Keep the text selection: the editor must not lose focus on a mouse press.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onPress}
    >
      {props.children ?? props.label}
    </button>
  );
}

/** Formatting and insert buttons; each shows whether it applies where the cursor is. */
export function EditorToolbar(props: {
  readonly state: EditorState;
  readonly view: EditorView;
  readonly onDialog: (dialog: Dialog) => void;
}) {
  const { state, view } = props;
  const run = (command: (s: EditorState, d: EditorView['dispatch']) => boolean) => {
    command(view.state, view.dispatch);
    view.focus();
  };
  const style = currentTextStyle(state);
  const mark = (name: 'bold' | 'italic' | 'strike' | 'code', label: string, keys: string) => (
    <ToolButton
      label={label}
      title={`${label} (${keys})`}
      pressed={isMarkActive(state, schema.marks[name])}
      disabled={!markCommand(name)(state)}
      onPress={() => run(markCommand(name))}
    />
  );

  const roving = useRovingToolbar(() => view.focus());

  return (
    <div
      ref={roving.ref}
      class="toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-controls="body-editor"
      onKeyDown={roving.onKeyDown}
      onFocusIn={roving.onFocusIn}
    >
      <label class="visually-hidden" for="text-style">
        Text style
      </label>
      <select
        id="text-style"
        class="tool-select"
        value={style ?? ''}
        onChange={(event) => {
          const value = event.currentTarget.value as TextStyle | '';
          if (value !== '') run(setTextStyle(value));
        }}
      >
        {style === null && <option value="">—</option>}
        {textStyles.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      {mark('bold', 'Bold', 'Ctrl+B')}
      {mark('italic', 'Italic', 'Ctrl+I')}
      {mark('strike', 'Strikethrough', 'Ctrl+Shift+X')}
      {mark('code', 'Code', 'Ctrl+`')}
      <ToolButton label="Link" title="Link (Ctrl+K)" onPress={() => props.onDialog('link')} />
      <ToolButton
        label="Bulleted list"
        pressed={isInList(state, false)}
        onPress={() => run(toggleList(false))}
      />
      <ToolButton
        label="Numbered list"
        pressed={isInList(state, true)}
        onPress={() => run(toggleList(true))}
      />
      <span class="toolbar-divider" aria-hidden="true" />
      <ToolButton label="Image" onPress={() => props.onDialog('image')} />
      <ToolButton label="Embed" onPress={() => props.onDialog('embed')} />
      <ToolButton label="Related article" onPress={() => props.onDialog('related')} />
      <ToolButton label="Divider" onPress={() => run(insertBlock(schema.nodes.divider.create()))} />
      <ToolButton
        label="Paywall marker"
        disabled={hasPaywall(state)}
        title={hasPaywall(state) ? 'The body already has its one paywall marker' : undefined}
        onPress={() => run(insertBlock(schema.nodes.paywall.create()))}
      />
    </div>
  );
}
