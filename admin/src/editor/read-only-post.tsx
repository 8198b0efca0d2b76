import { useState } from 'preact/hooks';
import type { Block, Inline } from '../../../src/features/content/body/body.types.js';
import { toMessage } from '../api/api-client.js';
import type { PostResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { Dialog } from '../ui/dialog.js';
import { Notice, TextArea } from '../ui/fields.js';
import { formatDateTime, statusLabels } from '../ui/format.js';
import { PostNotesPanel } from './post-notes-panel.js';

function inlineText(content: readonly Inline[]): string {
  return content.map((run) => (run.type === 'text' ? run.text : '\n')).join('');
}

/** What a block says, as plain text; images and embeds by their description. */
function blockText(block: Block): string | null {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return inlineText(block.content);
    case 'list':
      return block.items.map((item) => `• ${inlineText(item)}`).join('\n');
    case 'pullquote':
      return block.text;
    case 'image':
      return `[Image: ${block.alt}]`;
    case 'embed':
      return `[Embed: ${block.title || block.url}]`;
    case 'related':
    case 'divider':
    case 'paywall':
      return null;
  }
}

function SuggestCorrectionDialog(props: {
  readonly post: PostResource;
  readonly onSent: () => void;
  readonly onClose: () => void;
}) {
  const { api } = useApp();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    if (note.trim() === '') {
      setError('Say what should change.');
      return;
    }
    setBusy(true);
    try {
      await api.send('POST', `/posts/${encodeURIComponent(props.post.id)}/corrections`, { note });
      props.onSent();
    } catch (failure) {
      setError(toMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Suggest a correction" onClose={props.onClose}>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void send();
        }}
      >
        <p>
          The editors get your note by e-mail and see it with “{props.post.title}”. Readers see
          nothing until an editor changes the article.
        </p>
        <TextArea
          label="What should change?"
          value={note}
          onValue={setNote}
          rows={4}
          maxLength={2000}
          required
          error={error}
        />
        <div class="actions">
          <button type="submit" class="button-primary" disabled={busy}>
            Send to the editors
          </button>
          <button type="button" onClick={props.onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * A live or scheduled post as its contributor sees it: read-only, because only an editor
 * changes what readers see; "Suggest a correction" sends the editors a note instead.
 */
export function ReadOnlyPost(props: { readonly post: PostResource }) {
  const { post } = props;
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(0);
  return (
    <div class="read-only-post">
      <div class="page-header">
        <h1>{post.title || '(no headline)'}</h1>
        <button type="button" class="button-primary" onClick={() => setOpen(true)}>
          Suggest a correction
        </button>
      </div>
      <Notice kind="info">
        This post is {statusLabels[post.status].toLowerCase()}
        {post.published_at !== null && <> ({formatDateTime(post.published_at)})</>}, so it is
        read-only for you. Only an editor can change it now.{' '}
        {post.status === 'published' && <a href={post.url}>Read it on the site</a>}
      </Notice>
      {sent > 0 && <Notice kind="success">Your correction was sent to the editors.</Notice>}
      <div class="editor-layout">
        <article class="panel read-only-body" aria-label="The post, read-only">
          {post.standfirst !== '' && <p class="lede">{post.standfirst}</p>}
          {post.body.blocks.map((block, index) => {
            const text = blockText(block);
            if (text === null) return null;
            return block.type === 'heading' ? (
              <h2 key={index}>{text}</h2>
            ) : (
              <p key={index} class="read-only-block">
                {text}
              </p>
            );
          })}
        </article>
        <aside class="editor-sidebar" aria-label="Notes">
          <PostNotesPanel postId={post.id} version={sent} />
        </aside>
      </div>
      {open && (
        <SuggestCorrectionDialog
          post={post}
          onClose={() => setOpen(false)}
          onSent={() => {
            setOpen(false);
            setSent((n) => n + 1);
          }}
        />
      )}
    </div>
  );
}
