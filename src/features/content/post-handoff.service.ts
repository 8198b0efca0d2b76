import type { Db, Trx } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import { enqueueMail } from '../../platform/mail/mail-jobs.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { can } from '../staff/permissions.js';
import type { StaffUser } from '../staff/staff-user.js';
import type { PostChanged } from './content-events.js';
import { toHandoffEmail } from './handoff-email.js';
import { ensureNotInBin } from './post-bin.repository.js';
import { load } from './post-load.js';
import {
  decideHandoffRecipients,
  longestPostNote,
  toPostNoteKind,
  type HandoffKind,
  type PostNote,
  type PostNoteKind,
} from './post-notes.js';
import * as notesRepo from './post-notes.repository.js';
import type { PostNoteRow } from './post-desk.table.js';
import { isOwnerOf } from './post-policy.js';
import type { Post } from './post.js';

interface HandoffPayload {
  postId: string;
  kind: HandoffKind;
  noteId: string | null;
  byId: string;
  byName: string;
  /** The post's revision the hand-off is about: one e-mail per person per hand-off. */
  revision: number;
}

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** A correction was suggested, or a post went live: e-mail the people who should know. */
    'post.handoff': HandoffPayload;
  }
}

export interface PostHandoffServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly jobs: Pick<JobQueue, 'enqueue'>;
  readonly listStaff: () => Promise<readonly StaffUser[]>;
  readonly siteTitle: () => Promise<string>;
  readonly editUrl: (postId: string) => string;
  readonly articleUrl: (slug: string) => string;
}

/** What a save tells the hand-offs, inside its transaction. */
export interface PostChangeNotice {
  readonly actor: Actor;
  readonly after: Post;
  readonly change: PostChanged['change'];
  /** The editor's note given with a publish or schedule. */
  readonly note?: string | undefined;
}

export type PostHandoffService = ReturnType<typeof createPostHandoffService>;

function toNote(row: PostNoteRow): PostNote {
  return {
    id: row.id,
    postId: row.post_id,
    kind: toPostNoteKind(row.kind),
    body: row.body,
    byId: row.by_id,
    byName: row.by_name,
    createdAt: new Date(row.created_at),
  };
}

function checkNote(note: string | undefined, field: string, required: boolean): string | null {
  const trimmed = note?.trim() ?? '';
  if (required && trimmed === '') {
    throw invalid([{ field, message: 'say what should change' }]);
  }
  if (trimmed.length > longestPostNote) {
    throw invalid([{ field, message: `use at most ${longestPostNote} characters` }]);
  }
  return trimmed === '' ? null : trimmed;
}

/**
 * Hand-offs between writers and editors around a live post: corrections suggested by those
 * who may not change it, the editor's note when publishing, and the e-mails that tell each
 * side. Each writes its note and its `post.handoff` job in one transaction.
 */
export function createPostHandoffService(deps: PostHandoffServiceDeps) {
  const { db, clock, audit, jobs } = deps;

  async function addNote(
    trx: Trx,
    actor: Actor,
    postId: string,
    kind: PostNoteKind,
    body: string,
  ): Promise<PostNote> {
    const row = {
      id: newId(),
      post_id: postId,
      kind,
      body,
      by_id: actor.id,
      by_name: actor.name,
      created_at: toTimestamp(clock.now()),
    };
    await notesRepo.insertPostNote(trx, row);
    return toNote(row);
  }

  function ensureCanOpen(actor: Actor, post: Post): void {
    if (can(actor, 'post.edit-any') || isOwnerOf(actor, post)) return;
    throw new AppError(
      'forbidden',
      'You can only open your own posts. Ask an editor for this one.',
    );
  }

  return {
    /** A note to editors about a post its writer may no longer change; e-mails the editors. */
    async suggestCorrection(actor: Actor, postId: string, text: string): Promise<PostNote> {
      const body = checkNote(text, 'note', true) ?? '';
      return db.transaction().execute(async (trx) => {
        const post = await load(trx, postId);
        await ensureNotInBin(trx, postId);
        ensureCanOpen(actor, post);
        const note = await addNote(trx, actor, postId, 'correction', body);
        await audit.record(trx, actor, 'post.suggest-correction', { type: 'post', id: postId }, {});
        await jobs.enqueue(
          trx,
          'post.handoff',
          {
            postId,
            kind: 'correction',
            noteId: note.id,
            byId: actor.id,
            byName: actor.name,
            revision: post.revision,
          },
          { idempotencyKey: `post.handoff:correction:${note.id}` },
        );
        return note;
      });
    },

    /** A post's notes, newest first, for whoever may open the post. */
    async listNotes(actor: Actor, postId: string): Promise<PostNote[]> {
      ensureCanOpen(actor, await load(db, postId));
      const rows = await notesRepo.listPostNotes(db, postId, 100);
      return rows.map(toNote);
    },

    /** Checks a publish note before the publish's transaction opens. */
    checkPublishNote: (note: string | undefined): string | null => checkNote(note, 'note', false),

    /**
     * Called by every post save inside its transaction: keeps the editor's publish note in
     * the post's history, and when the post went live, writes the job that tells its writers.
     */
    async recordChange(trx: Trx, notice: PostChangeNotice): Promise<void> {
      const { actor, after, change } = notice;
      const note = notice.note?.trim() ?? '';
      const live = change === 'published' || change === 'scheduled';
      const noteId =
        note !== '' && live ? (await addNote(trx, actor, after.id, 'publish', note)).id : null;
      if (change !== 'published') return;
      await jobs.enqueue(
        trx,
        'post.handoff',
        {
          postId: after.id,
          kind: 'published',
          noteId,
          byId: actor.id,
          byName: actor.name,
          revision: after.revision,
        },
        { idempotencyKey: `post.handoff:published:${after.id}:${after.revision}` },
      );
    },

    /**
     * The job: one `mail.send` per recipient, keyed by the hand-off, so a second run sends
     * nobody a second e-mail. A piece taken off the site meanwhile sends nothing.
     */
    async sendHandoffEmails(payload: HandoffPayload): Promise<number> {
      const post = await load(db, payload.postId).catch(() => null);
      if (post === null) return 0;
      if (payload.kind === 'published' && post.status !== 'published') return 0;
      const note =
        payload.noteId === null ? undefined : await notesRepo.findPostNote(db, payload.noteId);
      const recipients = decideHandoffRecipients(
        payload.kind,
        post,
        await deps.listStaff(),
        payload.byId,
      );
      const message = toHandoffEmail({
        siteTitle: await deps.siteTitle(),
        kind: payload.kind,
        title: post.title,
        byName: payload.byName,
        note: note?.body ?? null,
        editUrl: deps.editUrl(post.id),
        articleUrl: deps.articleUrl(post.slug),
      });
      const key = `post.handoff:${payload.kind}:${post.id}:${payload.noteId ?? payload.revision}`;
      await db.transaction().execute(async (trx) => {
        for (const user of recipients) {
          await enqueueMail(jobs, trx, { to: user.email, ...message }, `${key}:${user.id}`);
        }
      });
      return recipients.length;
    },
  };
}
