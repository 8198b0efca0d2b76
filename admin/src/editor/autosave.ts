import { isApiError, type ApiClient, type ApiError } from '../api/api-client.js';
import type { PostResource } from '../api/resources.js';
import type { SavePayload } from './post-form.js';

/**
 * Saves the post a moment after the person stops typing, one save at a time, always
 * sending the revision it was based on. The server refuses a save based on an older
 * revision (409 `edit_conflict`); then saving stops until the person decides.
 */

export type SaveStatus =
  | { readonly kind: 'saved' }
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'needs-headline' }
  | { readonly kind: 'conflict'; readonly error: ApiError }
  | { readonly kind: 'invalid'; readonly error: ApiError }
  | { readonly kind: 'offline'; readonly message: string };

export interface AutosaveDeps {
  readonly api: ApiClient;
  readonly postId: string | null;
  readonly revision: number;
  /** The current payload, or null when the editor is not ready. */
  readonly read: () => SavePayload | null;
  readonly onStatus: (status: SaveStatus) => void;
  /**
   * After each successful save; `upToDate` is false when more changes are waiting.
   * `merged` names fields the server kept as someone else saved them meanwhile.
   */
  readonly onSaved: (post: PostResource, upToDate: boolean, merged: readonly string[]) => void;
  readonly delayMs?: number;
  /** While typing goes on, a save starts at least this often. */
  readonly maxWaitMs?: number;
}

export interface Autosave {
  /** Something changed: save soon. */
  changed(): void;
  /** Saves now and resolves when the server has everything, or with the reason it has not. */
  flush(): Promise<SaveStatus>;
  /**
   * The page is being hidden or closed: saves now with a request that outlives the page
   * when the browser allows one.
   */
  flushOnExit(): void;
  /** Changes are not on the server yet: leaving now would lose them. */
  hasUnsavedChanges(): boolean;
  /** The server's post changed another way (publish, restore, their version taken). */
  adopt(post: PostResource, payload: SavePayload | null): void;
  /** Save over a newer revision, after the person chose to keep their version. */
  overwrite(revision: number): Promise<SaveStatus>;
  postId(): string | null;
  /** The revision the next save will be based on. */
  revision(): number;
  /** What the server had at that revision, as this editor last sent or adopted it. */
  base(): SavePayload | null;
  dispose(): void;
}

export function createAutosave(deps: AutosaveDeps): Autosave {
  let postId = deps.postId;
  let revision = deps.revision;
  let lastSaved: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<SaveStatus> | null = null;
  let status: SaveStatus = { kind: 'saved' };
  /** When the oldest change not yet saved was made. */
  let unsavedSince: number | null = null;
  const delay = deps.delayMs ?? 1200;
  const maxWait = deps.maxWaitMs ?? 10_000;
  // Keepalive requests may carry at most 64 KiB in all; leave room for the headers.
  const keepaliveLimit = 60_000;

  const report = (next: SaveStatus) => {
    status = next;
    deps.onStatus(next);
    return next;
  };

  async function saveOnce(keepalive = false): Promise<SaveStatus> {
    const payload = deps.read();
    if (payload === null) return status;
    const snapshot = JSON.stringify(payload);
    if (snapshot === lastSaved) {
      unsavedSince = null;
      return report({ kind: 'saved' });
    }
    const options = { keepalive: keepalive && snapshot.length < keepaliveLimit };
    // This save carries every change made so far; the ten-second clock starts again.
    unsavedSince = null;
    if (postId === null && payload.title.trim() === '') return report({ kind: 'needs-headline' });
    report({ kind: 'saving' });
    try {
      const { post, merged_fields: merged = [] } =
        postId === null
          ? await deps.api.send<{ post: PostResource; merged_fields?: string[] }>(
              'POST',
              '/posts',
              { ...payload, status: 'draft' },
              options,
            )
          : await deps.api.send<{ post: PostResource; merged_fields?: string[] }>(
              'PATCH',
              `/posts/${encodeURIComponent(postId)}`,
              { ...payload, revision },
              options,
            );
      postId = post.id;
      revision = post.revision;
      lastSaved = snapshot;
      const upToDate = JSON.stringify(deps.read()) === snapshot;
      deps.onSaved(post, upToDate, merged);
      return report(upToDate ? { kind: 'saved' } : { kind: 'unsaved' });
    } catch (error) {
      if (isApiError(error, 'edit_conflict')) return report({ kind: 'conflict', error });
      if (isApiError(error) && error.status >= 400 && error.status < 500) {
        return report({ kind: 'invalid', error });
      }
      return report({
        kind: 'offline',
        message:
          'Could not reach Masthead to save. Your text is kept in this browser; saving will try again.',
      });
    }
  }

  async function run(keepalive = false): Promise<SaveStatus> {
    if (status.kind === 'conflict') return status;
    while (running !== null) await running;
    running = saveOnce(keepalive);
    try {
      const result = await running;
      if (result.kind === 'unsaved') schedule();
      if (result.kind === 'offline') schedule(5000);
      return result;
    } finally {
      running = null;
    }
  }

  function schedule(ms = delay) {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), ms);
  }

  return {
    changed() {
      if (status.kind === 'conflict') return;
      if (status.kind !== 'saving') report({ kind: 'unsaved' });
      const now = Date.now();
      unsavedSince ??= now;
      // Typing without a pause still saves every `maxWait`.
      schedule(Math.max(0, Math.min(delay, unsavedSince + maxWait - now)));
    },
    flush() {
      clearTimeout(timer);
      return run();
    },
    flushOnExit() {
      clearTimeout(timer);
      void run(true);
    },
    hasUnsavedChanges() {
      const payload = deps.read();
      return (
        status.kind === 'saving' ||
        status.kind === 'conflict' ||
        (payload !== null && JSON.stringify(payload) !== lastSaved && status.kind !== 'saved')
      );
    },
    adopt(post, payload) {
      postId = post.id;
      revision = post.revision;
      if (payload !== null) lastSaved = JSON.stringify(payload);
      if (status.kind === 'conflict') report({ kind: 'saved' });
    },
    overwrite(newRevision) {
      revision = newRevision;
      if (status.kind === 'conflict') report({ kind: 'unsaved' });
      return this.flush();
    },
    postId: () => postId,
    revision: () => revision,
    base: () => (lastSaved === null ? null : (JSON.parse(lastSaved) as SavePayload)),
    dispose() {
      clearTimeout(timer);
    },
  };
}
