import type { Db } from '../../db/database.js';
import { notFound } from '../../platform/errors.js';
import type { Actor } from '../staff/actor.js';
import type { BodyDocument } from './body/body.types.js';
import { load } from './post-load.js';
import { ensureCanEdit } from './post-policy.js';
import type { PostInput } from './post-input.js';
import type { Post } from './post.js';
import * as repo from './post.repository.js';
import { groupRevisionSessions, type RevisionSession } from './revision-sessions.js';

export interface RevisionSummary {
  readonly revision: number;
  readonly title: string;
  readonly standfirst: string;
  readonly savedBy: string;
  readonly savedByName: string;
  readonly savedAt: Date;
}

export interface RevisionText extends RevisionSummary {
  readonly body: BodyDocument;
}

/** A post's history: who saved what, by editing session, and restoring an earlier text. */
export function createRevisionHistory(deps: {
  readonly db: Db;
  readonly update: (actor: Actor, id: string, input: PostInput) => Promise<Post>;
}) {
  const { db } = deps;
  const ensureMayRead = async (actor: Actor, id: string) => {
    const post = await load(db, id);
    ensureCanEdit(actor, { ...post, status: 'draft' });
  };
  const summaryOf = (r: Awaited<ReturnType<typeof repo.listRevisions>>[number]) => ({
    revision: r.revision,
    title: r.title,
    standfirst: r.standfirst,
    savedBy: r.saved_by,
    savedByName: r.saved_by_name === '' ? 'Someone' : r.saved_by_name,
    savedAt: new Date(r.created_at),
  });

  return {
    async listRevisions(actor: Actor, id: string): Promise<RevisionSummary[]> {
      await ensureMayRead(actor, id);
      return (await repo.listRevisions(db, id)).map(summaryOf);
    },

    /** The revisions grouped into editing sessions, newest first. */
    async listRevisionSessions(
      actor: Actor,
      id: string,
    ): Promise<RevisionSession<RevisionSummary>[]> {
      return groupRevisionSessions(await this.listRevisions(actor, id));
    },

    /** One revision's whole text, to compare it or preview it before restoring. */
    async getRevision(actor: Actor, id: string, revision: number): Promise<RevisionText> {
      await ensureMayRead(actor, id);
      const row = await repo.findRevision(db, id, revision);
      if (row === undefined) throw notFound(`Revision ${revision} of that post`);
      return { ...summaryOf(row), body: JSON.parse(row.body) as BodyDocument };
    },

    /** Brings back the text of an earlier revision as a new save. */
    async restoreRevision(actor: Actor, id: string, revision: number): Promise<Post> {
      const row = await repo.findRevision(db, id, revision);
      if (row === undefined) throw notFound(`Revision ${revision} of that post`);
      return deps.update(actor, id, {
        title: row.title,
        standfirst: row.standfirst,
        body: JSON.parse(row.body) as unknown,
      });
    },
  };
}
