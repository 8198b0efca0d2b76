import type { Db } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import type { Post } from '../content/post.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import './curation-events.js';
import { listPickedPostIds, replacePicks } from './editors-pick.repository.js';

export const maxEditorsPicks = 12;

export interface EditorsPicksDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly events: EventOutbox;
  readonly findPostsByIds: (ids: readonly string[]) => Promise<Post[]>;
}

export type EditorsPicksService = ReturnType<typeof createEditorsPicksService>;

/** "Editors' Picks": an ordered list of articles that editors choose and reorder. */
export function createEditorsPicksService(deps: EditorsPicksDeps) {
  const { db, clock, audit, events } = deps;

  async function inOrder(ids: readonly string[]): Promise<Post[]> {
    const posts = new Map((await deps.findPostsByIds(ids)).map((p) => [p.id, p]));
    return ids.flatMap((id) => {
      const post = posts.get(id);
      return post === undefined ? [] : [post];
    });
  }

  return {
    /** The whole list for editors, drafts included (they may be picked ahead of publishing). */
    async listPicks(actor: Actor): Promise<Post[]> {
      ensureCan(actor, 'picks.manage', 'see the Editors’ Picks list');
      return inOrder(await listPickedPostIds(db));
    },

    /** What readers see: published picks only, in order. */
    async listLivePicks(limit = maxEditorsPicks): Promise<Post[]> {
      const posts = await inOrder(await listPickedPostIds(db));
      return posts.filter((p) => p.status === 'published').slice(0, limit);
    },

    /** Replaces the list with `postIds`, in that order. */
    async setPicks(actor: Actor, postIds: readonly string[]): Promise<Post[]> {
      ensureCan(actor, 'picks.manage', 'change the Editors’ Picks list');
      const unique = [...new Set(postIds)];
      if (unique.length !== postIds.length)
        throw invalid([{ field: 'post_ids', message: 'lists a post twice' }]);
      if (unique.length > maxEditorsPicks) {
        throw invalid([
          { field: 'post_ids', message: `holds at most ${maxEditorsPicks} articles` },
        ]);
      }
      const found = await inOrder(unique);
      const missing = unique.filter((id) => !found.some((p) => p.id === id));
      if (missing.length > 0)
        throw invalid([{ field: 'post_ids', message: `no post ${missing.join(', ')}` }]);
      await db.transaction().execute(async (trx) => {
        await replacePicks(trx, unique, actor.id, clock.now().toISOString());
        await audit.record(
          trx,
          actor,
          'editors-picks.update',
          { type: 'editors-picks', id: 'front' },
          { postIds: unique },
        );
        await events.record(trx, 'editors-picks.changed', { postIds: unique });
      });
      await events.deliver();
      return found;
    },
  };
}
