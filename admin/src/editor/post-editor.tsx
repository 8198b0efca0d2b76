import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import { isApiError, toMessage, type FieldProblem } from '../api/api-client.js';
import type { PostResource } from '../api/resources.js';
import { useApp, useUser } from '../app/app-context.js';
import { Notice } from '../ui/fields.js';
import { createAutosave, type SaveStatus } from './autosave.js';
import { BlockEditor, type BlockEditorHandle } from './block-editor.js';
import { ConflictDialog } from './conflict-dialog.js';
import { LocalCopyNotices } from './local-copy-notices.js';
import { clearLocalCopy, writeLocalCopy, type LocalCopy } from './local-copy.js';
import type { EditorData } from './post-editor-page.js';
import { PostFields } from './post-fields.js';
import { PostSidebar } from './post-sidebar.js';
import {
  editedVersion,
  emptyPostForm,
  toPostForm,
  toSavePayload,
  type PostForm,
} from './post-form.js';
import { PublishSummaryDialog } from './publish-summary-dialog.js';
import { DeletePostButton } from './delete-post-button.js';
import { PublishBar } from './publish-bar.js';
import { ConfirmDialog } from '../ui/confirm-dialog.js';
import type { PostAction } from './publish-panel.js';
import { findPublishProblems, hasBodyProblems } from './publish-check.js';
import { SaveStatusLine } from './save-status-line.js';
import { usePresence } from './presence.js';
import { useSaveShortcut } from './use-save-shortcut.js';
import { PresenceBar } from './presence-bar.js';
import { ClashNotice, useFieldClash } from './use-field-clash.js';
import { takeMergedFields } from './field-merge.js';

const emptyBody: BodyDocument = { version: 1, blocks: [] };

type EditorDialog =
  | { readonly kind: 'publish'; readonly at?: Date }
  | { readonly kind: 'unpublish' }
  | { readonly kind: 'discard' };

/** One post being edited: fields, body, saving, publishing and the conflict flow. */
export function PostEditor(props: {
  readonly data: EditorData;
  readonly onCreated: (id: string) => void;
}) {
  const { api } = useApp();
  const user = useUser();
  const [post, setPost] = useState<PostResource | null>(props.data.post);
  const [form, setFormState] = useState<PostForm>(() =>
    props.data.post === null ? emptyPostForm(user) : toPostForm(props.data.post),
  );
  const [body, setBody] = useState<{ doc: BodyDocument; key: number }>({
    doc: props.data.post === null ? emptyBody : editedVersion(props.data.post).body,
    key: 0,
  });
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'saved' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [theirs, setTheirs] = useState<PostResource | null>(null);
  const [copies, setCopies] = useState(0);
  const [, setReadyCount] = useState(0);

  const formRef = useRef(form);
  const slugEdited = useRef(false);
  const handle = useRef<BlockEditorHandle | null>(null);
  const adoptOnReady = useRef<PostResource | null>(props.data.post);
  const created = useRef(props.data.post !== null);
  const read = () =>
    handle.current === null
      ? null
      : toSavePayload(formRef.current, handle.current.getBody(), slugEdited.current);

  const autosave = useMemo(
    () =>
      createAutosave({
        api,
        postId: props.data.post?.id ?? null,
        revision: props.data.post?.revision ?? 0,
        read,
        onStatus: setStatus,
        onSaved(saved, upToDate, merged) {
          setPost(saved);
          if (merged.length > 0) {
            // Someone else's changes to other fields came back with the save: show them.
            const taken = takeMergedFields(formRef.current, toPostForm(saved), merged);
            formRef.current = taken.form;
            setFormState(taken.form);
            if (taken.body) {
              adoptOnReady.current = saved;
              setBody((b) => ({ doc: editedVersion(saved).body, key: b.key + 1 }));
            } else {
              autosave.adopt(saved, read());
            }
          }
          if (!slugEdited.current) {
            formRef.current = { ...formRef.current, slug: saved.slug };
            setFormState(formRef.current);
          }
          if (upToDate) clearLocalCopy(saved.id, 'unsaved');
          if (!created.current) {
            // The first save of a new post: its unsaved copy now lives under the post's id.
            created.current = true;
            clearLocalCopy(null, 'unsaved');
            if (!upToDate) keepLocalCopy();
            props.onCreated(saved.id);
          }
        },
      }),
    [],
  );
  useEffect(() => {
    // Leaving the page or the tab saves what is there; closing with changes not yet on
    // the server asks first.
    const onHide = () => {
      if (document.visibilityState === 'hidden') autosave.flushOnExit();
    };
    const onPageHide = () => autosave.flushOnExit();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!autosave.hasUnsavedChanges()) return;
      autosave.flushOnExit();
      event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Moving to another screen: the save goes on after the editor is gone.
      void autosave.flush();
      autosave.dispose();
    };
  }, [autosave]);

  const keepLocalCopy = () => {
    const payload = read();
    if (payload === null) return;
    const copy: LocalCopy = {
      form: formRef.current,
      body: payload.body,
      slugEdited: slugEdited.current,
      revision: autosave.revision(),
      savedAt: new Date().toISOString(),
    };
    writeLocalCopy(autosave.postId(), 'unsaved', copy);
  };
  const presence = usePresence(api, post?.id ?? null);
  useSaveShortcut(() => void autosave.flush());
  const changed = () => {
    keepLocalCopy();
    presence.typed();
    autosave.changed();
  };
  const setForm = (changes: Partial<PostForm>) => {
    if (changes.slug !== undefined) slugEdited.current = true;
    const next = { ...formRef.current, ...changes };
    formRef.current = next;
    setFormState(next);
    if (problems.length > 0)
      setProblems(
        findPublishProblems(next, read()?.body ?? emptyBody).filter((p) =>
          problems.some((q) => q.field === p.field),
        ),
      );
    changed();
  };

  /** Shows another version in the editor: theirs, a restored revision, or a local copy. */
  const load = (
    next: { form: PostForm; body: BodyDocument; slugEdited: boolean },
    adopt: PostResource | null,
  ) => {
    formRef.current = next.form;
    slugEdited.current = next.slugEdited;
    setFormState(next.form);
    adoptOnReady.current = adopt;
    setBody((b) => ({ doc: next.body, key: b.key + 1 }));
  };

  /** Publishing and unpublishing ask first; the rest happens at once. */
  const act = async (action: PostAction) => {
    setMessage(null);
    if (action.kind === 'unpublish' || action.kind === 'discard') {
      setDialog({ kind: action.kind });
      return;
    }
    if (action.kind !== 'publish' || action.freshTime !== undefined) {
      await perform(action);
      return;
    }
    const payload = read();
    if (payload !== null) {
      const found = findPublishProblems(formRef.current, payload.body);
      setProblems(found);
      if (found.length > 0) return;
    }
    // The summary shows the address the server gives, so the latest text is saved first.
    setBusy(true);
    const saved = await autosave.flush();
    setBusy(false);
    if (saved.kind !== 'saved') {
      setMessage({ kind: 'error', text: 'Save the post first: see the message at the top.' });
      return;
    }
    setDialog({ kind: 'publish', ...(action.at === undefined ? {} : { at: action.at }) });
  };

  const perform = async (action: PostAction) => {
    setDialog(null);
    setBusy(true);
    try {
      const saved = await autosave.flush();
      const id = autosave.postId();
      if (saved.kind !== 'saved' || id === null) {
        setMessage({ kind: 'error', text: 'Save the post first: see the message at the top.' });
        return;
      }
      const base = `/posts/${encodeURIComponent(id)}`;
      const result =
        action.kind === 'discard'
          ? await api.send<{ post: PostResource }>('DELETE', `${base}/pending`)
          : action.kind === 'apply'
            ? await api.send<{ post: PostResource }>('POST', `${base}/pending/apply`, {
                revision: autosave.revision(),
              })
            : await api.send<{ post: PostResource }>(
                'POST',
                `${base}/${action.kind}`,
                action.kind === 'publish'
                  ? {
                      ...(action.at === undefined ? {} : { published_at: action.at.toISOString() }),
                      ...(action.freshTime === true ? { now: true } : {}),
                      ...(action.note?.trim() ? { note: action.note } : {}),
                    }
                  : action.kind === 'unpublish'
                    ? {}
                    : { note: action.note },
              );
      setPost(result.post);
      if (action.kind === 'discard') {
        load(
          { form: toPostForm(result.post), body: result.post.body, slugEdited: false },
          result.post,
        );
      } else {
        autosave.adopt(result.post, null);
      }
      setProblems([]);
      const done = {
        publish: result.post.status === 'scheduled' ? 'Scheduled.' : 'Published.',
        unpublish: 'Back to draft: no longer on the site.',
        submit: 'Submitted for review.',
        return: 'Sent back to the writer.',
        apply: 'The live article is updated.',
        discard: 'Changes discarded: the editor shows the live article again.',
      };
      setMessage({ kind: 'success', text: done[action.kind] });
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) setProblems([...error.fields]);
      setMessage({ kind: 'error', text: toMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (revision: number) => {
    const id = autosave.postId();
    if (id === null) return;
    setBusy(true);
    try {
      if ((await autosave.flush()).kind !== 'saved') return;
      const result = await api.send<{ post: PostResource }>(
        'POST',
        `/posts/${encodeURIComponent(id)}/revisions/${revision}/restore`,
      );
      setPost(result.post);
      load(
        {
          form: toPostForm(result.post),
          body: editedVersion(result.post).body,
          slugEdited: false,
        },
        result.post,
      );
      setMessage({
        kind: 'success',
        text:
          result.post.pending_changes == null
            ? `Restored the text of revision ${revision}.`
            : `Restored the text of revision ${revision} as pending changes: readers see it once you update the live article.`,
      });
    } catch (error) {
      setMessage({ kind: 'error', text: toMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const seeTheirs = async () => {
    const id = autosave.postId();
    if (id === null) return;
    try {
      setTheirs((await api.get<{ post: PostResource }>(`/posts/${encodeURIComponent(id)}`)).post);
    } catch (error) {
      setMessage({ kind: 'error', text: toMessage(error) });
    }
  };

  const preview = async () => {
    const opened = window.open('about:blank', '_blank');
    await autosave.flush();
    const id = autosave.postId();
    if (opened !== null && id !== null) opened.location.href = `/preview/${encodeURIComponent(id)}`;
  };

  const fieldProblems = problems.filter((p) => !p.field.startsWith('body'));
  const mine = read();
  const clash = useFieldClash({
    status,
    postId: post?.id ?? null,
    mine: mine === null ? null : { form: formRef.current, body: mine.body },
    base: autosave.base(),
    onResolved(resolved, theirs) {
      setPost(theirs);
      load({ ...resolved, slugEdited: slugEdited.current }, null);
      autosave.adopt(theirs, null);
      changed();
    },
  });

  return (
    <div class="post-editor">
      <div class="page-header">
        <h1>{post === null ? 'New post' : 'Edit post'}</h1>
        <SaveStatusLine status={status} pending={post?.pending_changes != null} />
      </div>
      <PresenceBar others={presence.others} />
      {clash.notice !== null && <ClashNotice {...clash.notice} />}
      {status.kind === 'conflict' && clash.notice === null && (
        <Notice kind="warning">
          <p>
            <strong>Someone else saved this post while you were editing.</strong> Your changes are
            not saved on the server, and they are still here and kept in this browser.
          </p>
          <div class="actions">
            <button type="button" class="button-primary" onClick={() => void seeTheirs()}>
              See their version
            </button>
          </div>
        </Notice>
      )}
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      <LocalCopyNotices
        key={copies}
        postId={post?.id ?? null}
        current={mine}
        baseRevision={post?.revision ?? 0}
        onRestore={(copy, revision) => {
          load({ form: copy.form, body: copy.body, slugEdited: copy.slugEdited }, null);
          if (post !== null) autosave.adopt({ ...post, revision }, null);
          changed();
        }}
      />
      <div class="editor-layout">
        <div class="editor-main">
          <PostFields
            form={form}
            problems={fieldProblems}
            onChange={setForm}
            isNew={props.data.post === null}
          />
          <BlockEditor
            key={body.key}
            initial={body.doc}
            showProblems={hasBodyProblems(problems)}
            services={{
              describePost: async (postId) =>
                (await api.get<{ post: PostResource }>(`/posts/${encodeURIComponent(postId)}`)).post
                  .title,
            }}
            onChange={changed}
            onReady={(ready) => {
              handle.current = ready;
              const adopt = adoptOnReady.current;
              adoptOnReady.current = null;
              if (adopt !== null) autosave.adopt(adopt, read());
              setReadyCount((n) => n + 1);
            }}
          />
        </div>
        <PostSidebar
          post={post}
          user={user}
          form={form}
          data={props.data}
          busy={busy}
          problems={problems}
          onChange={setForm}
          onAction={(action) => void act(action)}
          onPreview={() => void preview()}
          onRestore={(revision) => void restore(revision)}
        />
      </div>
      {post !== null && (
        <DeletePostButton post={post} user={user} beforeDelete={() => autosave.flush()} />
      )}
      <PublishBar
        post={post}
        user={user}
        busy={busy}
        saveStatus={status}
        onAction={(action) => void act(action)}
      />
      {theirs !== null && mine !== null && (
        <ConflictDialog
          theirs={theirs}
          mine={{ title: mine.title, standfirst: mine.standfirst, body: mine.body }}
          onClose={() => setTheirs(null)}
          onUseTheirs={() => {
            const id = autosave.postId();
            writeLocalCopy(id, 'conflict', {
              form: formRef.current,
              body: mine.body,
              slugEdited: slugEdited.current,
              revision: theirs.revision,
              savedAt: new Date().toISOString(),
            });
            clearLocalCopy(id, 'unsaved');
            setPost(theirs);
            load(
              { form: toPostForm(theirs), body: editedVersion(theirs).body, slugEdited: false },
              theirs,
            );
            setTheirs(null);
            setCopies((n) => n + 1);
          }}
          onKeepMine={() => {
            const revision = theirs.revision;
            setTheirs(null);
            void autosave.overwrite(revision);
          }}
        />
      )}
      {clash.dialog}
      {dialog?.kind === 'publish' && post !== null && (
        <PublishSummaryDialog
          post={post}
          form={form}
          at={dialog.at}
          timeZone={props.data.timeZone}
          onClose={() => setDialog(null)}
          onConfirm={(choice) =>
            void perform({
              kind: 'publish',
              freshTime: choice.freshTime,
              note: choice.note,
              ...(choice.at === undefined ? {} : { at: choice.at }),
            })
          }
        />
      )}
      {dialog?.kind === 'unpublish' && post !== null && (
        <ConfirmDialog
          title={post.status === 'scheduled' ? 'Unschedule this post?' : 'Unpublish this post?'}
          confirmLabel={post.status === 'scheduled' ? 'Unschedule' : 'Unpublish'}
          onConfirm={() => void perform({ kind: 'unpublish' })}
          onClose={() => setDialog(null)}
        >
          <p>
            “{post.title}” goes back to being a draft.{' '}
            {post.status === 'published'
              ? `Readers will no longer find it at ${post.url}. Publishing it again keeps its first publication time.`
              : 'It will not go live at its scheduled time.'}
          </p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'discard' && post !== null && (
        <ConfirmDialog
          title="Discard the pending changes?"
          confirmLabel="Discard changes"
          onConfirm={() => void perform({ kind: 'discard' })}
          onClose={() => setDialog(null)}
        >
          <p>
            The edits made since “{post.title}” went live are dropped for everyone; the editor shows
            the live article again. Earlier revisions stay in the history.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
