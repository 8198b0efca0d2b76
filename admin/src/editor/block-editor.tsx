import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import { detectEmbed } from '../../../src/features/content/body/embed-provider.js';
import type { MediaResource, PostResource } from '../api/resources.js';
import { MediaPickerDialog } from '../media/media-picker-dialog.js';
import { toBodyDocument, toEditorDoc } from './body-conversion.js';
import { findLinkHref, insertBlock, setLink } from './editor-commands.js';
import { createEditorPlugins } from './editor-plugins.js';
import { editorSchema as schema } from './editor-schema.js';
import { EditorToolbar } from './editor-toolbar.js';
import { createNodeViews, type NodeViewServices } from './node-views.js';
import { cleanPastedHtml } from './paste-cleanup.js';
import { PostSearchDialog } from './related-picker-dialog.js';
import { UrlDialog, checkLinkHref } from './url-dialog.js';
import { findSlashQuery, matchSlashItems, type SlashItem } from './slash-menu.js';
import { SlashMenuList, slashMenuId, slashOptionId } from './slash-menu-list.js';
import { cursorAtEndBelow, focusToolbar } from './surface-focus.js';

/** What the post editor may ask of the block editor. */
export interface BlockEditorHandle {
  getBody(): BodyDocument;
}

type OpenDialog = 'image' | 'embed' | 'related' | 'link' | null;

/**
 * The body's block editor: a ProseMirror view with a toolbar and the dialogs that insert
 * images, embeds and related cards. It owns its document; the post editor reads it
 * through `onReady`'s handle and hears about changes through `onChange`.
 */
export function BlockEditor(props: {
  readonly initial: BodyDocument;
  readonly showProblems: boolean;
  readonly services: NodeViewServices;
  readonly onChange: () => void;
  readonly onReady: (handle: BlockEditorHandle) => void;
}) {
  const mount = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const [state, setState] = useState<EditorState | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [pasteNotice, setPasteNotice] = useState<string | null>(null);
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;
  const root = useRef<HTMLDivElement>(null);
  const [slashActive, setSlashActive] = useState(0);
  /** Where the "/" was that Escape closed the menu for. */
  const [slashDismissed, setSlashDismissed] = useState<number | null>(null);
  const slash = state === null ? null : findSlashQuery(state);
  const slashOpen = slash !== null && slash.from !== slashDismissed;
  const slashItems = slashOpen && state !== null ? matchSlashItems(slash.query, state) : [];
  const active = Math.min(slashActive, Math.max(slashItems.length - 1, 0));
  const menu = useRef<{ items: SlashItem[]; active: number; from: number } | null>(null);
  menu.current = slashOpen ? { items: slashItems, active, from: slash.from } : null;
  useEffect(() => setSlashActive(0), [slash?.query, slash?.from]);
  useEffect(() => {
    if (slash === null && slashDismissed !== null) setSlashDismissed(null);
  });

  useEffect(() => {
    if (mount.current === null) return;
    const plugins = createEditorPlugins(() => {
      setDialog('link');
      return true;
    });
    const view = new EditorView(mount.current, {
      state: EditorState.create({ doc: toEditorDoc(props.initial), plugins }),
      nodeViews: createNodeViews(props.services),
      handleKeyDown(_view, event) {
        if (event.altKey && event.key === 'F10') {
          if (root.current !== null) focusToolbar(root.current);
          return true;
        }
        const open = menu.current;
        if (open === null) return false;
        const count = open.items.length;
        if (event.key === 'ArrowDown' && count > 0) setSlashActive((open.active + 1) % count);
        else if (event.key === 'ArrowUp' && count > 0)
          setSlashActive((open.active - 1 + count) % count);
        else if (event.key === 'Enter' && count > 0) {
          const item = open.items[open.active];
          if (item !== undefined) chooseRef.current(item);
        } else if (event.key === 'Escape') setSlashDismissed(open.from);
        else return false;
        return true;
      },
      handleDOMEvents: {
        mousedown: (view, event) => cursorAtEndBelow(view, event),
      },
      transformPastedHTML(html) {
        const cleaned = cleanPastedHtml(html);
        setPasteNotice(
          cleaned.removedLinks === 0
            ? null
            : `${cleaned.removedLinks === 1 ? 'One link' : `${cleaned.removedLinks} links`} in the pasted text had an unsafe address and ${cleaned.removedLinks === 1 ? 'was' : 'were'} removed; the text is kept.`,
        );
        return cleaned.html;
      },
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Body',
        id: 'body-editor',
        'aria-describedby': 'body-editor-help',
        class: 'body-text',
        spellcheck: 'true',
      },
      dispatchTransaction(tr) {
        const next = view.state.apply(tr);
        view.updateState(next);
        setState(next);
        if (tr.docChanged) onChange.current();
      },
    });
    viewRef.current = view;
    setState(view.state);
    props.onReady({ getBody: () => toBodyDocument(view.state.doc) });
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The editor is made once; a new body means a new component (the caller changes `key`).
  }, []);

  const run = (command: (view: EditorView) => void) => {
    const view = viewRef.current;
    if (view === null) return;
    command(view);
    // After a dialog closes it gives focus back to its opener; the text should have it.
    requestAnimationFrame(() => view.focus());
  };
  const insert = (node: Parameters<typeof insertBlock>[0]) =>
    run((view) => insertBlock(node)(view.state, view.dispatch));
  const close = () => setDialog(null);

  /** Runs a "/" menu choice in place of the "/query" typed. */
  const choose = (item: SlashItem) => {
    const view = viewRef.current;
    const open = findSlashQuery(view?.state ?? null);
    if (view === null || open === null) return;
    view.dispatch(view.state.tr.delete(open.from, open.to));
    const action = item.action(view.state);
    if (action?.kind === 'command') action.command(view.state, view.dispatch);
    if (action?.kind === 'dialog') setDialog(action.dialog);
    view.focus();
  };
  const chooseRef = useRef(choose);
  chooseRef.current = choose;

  // The text points at the menu's active option, so screen readers follow the arrows.
  useEffect(() => {
    const dom = viewRef.current?.dom;
    if (dom === undefined) return;
    const option = slashItems[active];
    if (slashOpen) {
      dom.setAttribute('aria-controls', slashMenuId);
      if (option === undefined) dom.removeAttribute('aria-activedescendant');
      else dom.setAttribute('aria-activedescendant', slashOptionId(option));
    } else {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-activedescendant');
    }
  });
  const menuPlace = (() => {
    const view = viewRef.current;
    if (!slashOpen || view === null || root.current === null) return null;
    const at = view.coordsAtPos(slash.to);
    const box = root.current.getBoundingClientRect();
    return { top: at.bottom - box.top + 4, left: Math.max(0, at.left - box.left) };
  })();

  return (
    <div ref={root} class={props.showProblems ? 'block-editor show-problems' : 'block-editor'}>
      {state !== null && viewRef.current !== null && (
        <EditorToolbar state={state} view={viewRef.current} onDialog={setDialog} />
      )}
      <p id="body-editor-help" class="visually-hidden">
        Shortcuts: Control or Command with B for bold, I for italic, K for a link. Type / on an
        empty line to insert a heading, list, image or other block. Alt with F10 moves to the
        toolbar. Tab leaves the editor.
      </p>
      <p class="paste-notice" role="status">
        {pasteNotice}
      </p>
      <div ref={mount} class="block-editor-surface" />
      {menuPlace !== null && (
        <SlashMenuList
          items={slashItems}
          active={active}
          top={menuPlace.top}
          left={menuPlace.left}
          onChoose={choose}
        />
      )}
      {dialog === 'image' && (
        <MediaPickerDialog
          title="Insert an image"
          onClose={close}
          onPick={(media: MediaResource) => {
            close();
            insert(
              schema.nodes.image.create({
                mediaId: media.id,
                src: media.rendition.src,
                alt: media.alt,
                caption: media.caption,
                credit: media.credit,
              }),
            );
          }}
        />
      )}
      {dialog === 'related' && (
        <PostSearchDialog
          title="Insert a related article"
          onClose={close}
          onPick={(post: PostResource) => {
            close();
            insert(schema.nodes.related.create({ postId: post.id, label: post.title }));
          }}
        />
      )}
      {dialog === 'embed' && (
        <UrlDialog
          title="Embed a video or social post"
          label="Address of the video or post"
          hint="YouTube, Vimeo, X, Instagram, TikTok or SoundCloud play or show as a card; any other https address shows as a link card."
          submitLabel="Embed"
          check={(url) =>
            detectEmbed(url) === null ? 'Use a secure web address starting with https://' : null
          }
          onClose={close}
          onSubmit={(url) => {
            close();
            const found = detectEmbed(url);
            if (found !== null)
              insert(
                schema.nodes.embed.create({ url: found.url, provider: found.provider, title: '' }),
              );
          }}
        />
      )}
      {dialog === 'link' && viewRef.current !== null && (
        <UrlDialog
          title="Link"
          label="Link address"
          hint="Leave empty and press Save to remove the link."
          initial={findLinkHref(viewRef.current.state) ?? ''}
          submitLabel="Save link"
          allowEmpty
          check={checkLinkHref}
          onClose={close}
          onSubmit={(href) => {
            close();
            run((view) => setLink(href)(view.state, view.dispatch));
          }}
        />
      )}
    </div>
  );
}
