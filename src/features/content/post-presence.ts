import type { Db } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import type { Actor } from '../staff/actor.js';

/**
 * Who has a post open (ADR 0011). Each open editor sends a heartbeat every few seconds;
 * a row lives `presenceTtlMs` past its last heartbeat. Rows are in the database so every
 * web process sees every editor; expired rows are ignored and swept on each heartbeat.
 */

export const presenceTtlMs = 30_000;
/** Someone who typed within this long counts as typing. */
export const typingWindowMs = 15_000;

export interface PresentEditor {
  readonly sessionId: string;
  readonly actorId: string;
  readonly name: string;
  readonly typing: boolean;
  readonly seenAt: Date;
}

export interface Heartbeat {
  readonly postId: string;
  readonly sessionId: string;
  /** The person typed since the last heartbeat. */
  readonly typing: boolean;
}

export type PostPresence = ReturnType<typeof createPostPresence>;

export function createPostPresence(deps: { readonly db: Db; readonly clock: Clock }) {
  const { db, clock } = deps;

  async function list(postId: string, now: Date): Promise<PresentEditor[]> {
    const rows = await db
      .selectFrom('post_presence')
      .selectAll()
      .where('post_id', '=', postId)
      .where('expires_at', '>', now.toISOString())
      .orderBy('seen_at')
      .execute();
    const typingSince = now.getTime() - typingWindowMs;
    return rows.map((r) => ({
      sessionId: r.session_id,
      actorId: r.actor_id,
      name: r.name,
      typing: r.typing_at !== null && new Date(r.typing_at).getTime() >= typingSince,
      seenAt: new Date(r.seen_at),
    }));
  }

  return {
    /** Records that this editor is here (and typing, maybe); answers everyone present. */
    async beat(actor: Actor, beat: Heartbeat): Promise<PresentEditor[]> {
      const now = clock.now();
      const at = now.toISOString();
      const expires = new Date(now.getTime() + presenceTtlMs).toISOString();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('post_presence').where('expires_at', '<=', at).execute();
        await trx
          .insertInto('post_presence')
          .values({
            post_id: beat.postId,
            session_id: beat.sessionId,
            actor_id: actor.id,
            name: actor.name,
            typing_at: beat.typing ? at : null,
            seen_at: at,
            expires_at: expires,
          })
          .onConflict((oc) =>
            oc.columns(['post_id', 'session_id']).doUpdateSet({
              name: actor.name,
              seen_at: at,
              expires_at: expires,
              ...(beat.typing ? { typing_at: at } : {}),
            }),
          )
          .execute();
      });
      return list(beat.postId, now);
    },

    /** The editor was closed. Only the actor who opened a session may end it. */
    async leave(actor: Actor, postId: string, sessionId: string): Promise<void> {
      await db
        .deleteFrom('post_presence')
        .where('post_id', '=', postId)
        .where('session_id', '=', sessionId)
        .where('actor_id', '=', actor.id)
        .execute();
    },

    list: (postId: string) => list(postId, clock.now()),
  };
}
