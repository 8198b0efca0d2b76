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

  useEffect(() => {
    if (mount.current === null) return;
    const plugins = createEditorPlugins(() => {
      setDialog('link');
      return true;
    });
    const view = new EditorView(mount.current, {
      state: EditorState.create({ doc: toEditorDoc(props.initial), plugins }),
      nodeViews: createNodeViews(props.services),
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

  return (
    <div class={props.showProblems ? 'block-editor show-problems' : 'block-editor'}>
      {state !== null && viewRef.current !== null && (
        <EditorToolbar state={state} view={viewRef.current} onDialog={setDialog} />
      )}
      <p id="body-editor-help" class="visually-hidden">
        Shortcuts: Control or Command with B for bold, I for italic, K for a link. Tab leaves the
        editor.
      </p>
      <p class="paste-notice" role="status">
        {pasteNotice}
      </p>
      <div ref={mount} class="block-editor-surface" />
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
