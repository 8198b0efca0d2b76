import { decideConstraintViolation } from '../../db/constraint-violation.js';
import type { Db, Engine, Executor, Trx } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { withSlugRetry, type SlugChoice } from '../../platform/free-slug.js';
import { newId } from '../../platform/ids.js';
import type { BodyConverter } from '../content/body/body-converter.js';
import { bodyToPlainText } from '../content/body/body-to-text.js';
import { emptyBody } from '../content/body/validate-body.js';
import type { Tag } from '../content/tag.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import * as changeLog from './feed-change.repository.js';
import { decideEntryEdit } from './feed-entry-edit.js';
import { listFeedPage, type FeedPage, type FeedPageQuery } from './feed-page.js';
import type { FeedEntryInput } from './feed-entry-input.js';
import { resolveEntryInput } from './feed-entry-refs.js';
import { toEntrySnapshot, toFeedChange, toFeedEntries } from './feed-entry-mapping.js';
import * as repo from './feed-entry.repository.js';
import type { FeedChange, FeedChangeKind, FeedEntry } from './feed-entry.js';
import './feed-events.js';
import { decideEntrySlug } from './feed-slug.js';

export interface FeedServiceDeps {
  readonly db: Db;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly events: EventOutbox;
  /** Every tag, to find sections by id, slug or name. */
  readonly listTags: () => Promise<readonly Tag[]>;
  /** A staff user's id by slug, e-mail or id. */
  readonly findAuthorId: (ref: string) => Promise<string | undefined>;
  /** Whether a post exists, so an entry can link to it. */
  readonly hasPost: (id: string) => Promise<boolean>;
  /** Converts Markdown off the event loop, before a save's transaction. */
  readonly bodyConverter: BodyConverter;
}

export type { FeedPage, FeedPageQuery };

export type FeedService = ReturnType<typeof createFeedService>;

const manage = 'run the news feed';

/**
 * How much of the change log is kept for readers who reconnect: changes from the last
 * `days`, and at least the newest `keep` whatever their age. A reader who missed more is
 * told to reload instead. Every `pruneEvery`-th change prunes.
 */
export const changeLogRetention = { days: 2, keep: 1_000, pruneEvery: 100 } as const;

export function createFeedService(deps: FeedServiceDeps) {
  const { db, engine, clock, audit, events } = deps;

  async function load(executor: Executor, id: string): Promise<FeedEntry> {
    const row = await repo.findEntryById(executor, id);
    const [entry] = row === undefined ? [] : await toFeedEntries(executor, [row]);
    if (entry === undefined) throw notFound('That feed entry');
    return entry;
  }

  function pruneChangeLog(executor: Executor): Promise<number> {
    const dayMs = 24 * 60 * 60 * 1000;
    return changeLog.deleteChangesBefore(executor, {
      before: new Date(clock.now().getTime() - changeLogRetention.days * dayMs).toISOString(),
      keep: changeLogRetention.keep,
    });
  }

  const prepare = (input: FeedEntryInput) => resolveEntryInput(input, deps);

  /** Appends to the change log and the audit log, in the transaction of the change. */
  async function record(
    trx: Trx,
    actor: Actor,
    kind: FeedChangeKind,
    entryId: string,
    entry: FeedEntry | null,
  ): Promise<number> {
    const changeId = await changeLog.appendChange(trx, engine, {
      entry_id: entryId,
      kind,
      entry: entry === null ? null : toEntrySnapshot(entry),
      at: clock.now().toISOString(),
    });
    // Pruning now and then, in a change's own transaction, keeps the log bounded with no timer.
    if (changeId % changeLogRetention.pruneEvery === 0) await pruneChangeLog(trx);
    const action =
      kind === 'pinned' ? (entry?.pinned === true ? 'pin' : 'unpin') : kind.slice(0, -1);
    await audit.record(
      trx,
      actor,
      `feed.${action}`,
      { type: 'feed_entry', id: entryId },
      {
        changeId,
        slug: entry?.slug,
      },
    );
    return changeId;
  }

  /** Recorded with the change: every process hears of it once it is there to read. */
  async function announce(
    trx: Trx,
    changeId: number,
    kind: FeedChangeKind,
    entry: FeedEntry,
  ): Promise<void> {
    await events.record(trx, 'feed.changed', {
      changeId,
      kind,
      entryId: entry.id,
      slug: entry.slug,
      postId: entry.postId,
    });
  }

  const listPage = (query: FeedPageQuery = {}): Promise<FeedPage> => listFeedPage(db, query);

  async function updateEntry(actor: Actor, id: string, input: FeedEntryInput): Promise<FeedEntry> {
    ensureCan(actor, 'feed.manage', manage);
    const { body, authorId, sectionIds } = await prepare(input);
    const result = await db.transaction().execute(async (trx) => {
      const before = await load(trx, id);
      const title = input.title?.trim();
      const slug =
        input.slug === undefined || input.slug === before.slug
          ? undefined
          : await decideEntrySlug(trx, input.slug, title ?? before.title, id);
      const decision = decideEntryEdit(
        before,
        { ...input, title, body, slug, authorId, sectionIds },
        clock.now(),
      );
      if (decision === null) return { entry: before, changed: false };
      const expected = input.revision ?? before.revision;
      const saved = await repo.updateEntryAtRevision(trx, id, expected, {
        ...decision.columns,
        revision: before.revision + 1,
        updated_at: clock.now().toISOString(),
      });
      if (!saved) {
        throw new AppError(
          'edit_conflict',
          `Someone else saved this entry (now revision ${before.revision}) after you opened ` +
            `revision ${expected}. Copy your text, reload the entry and make your change again.`,
        );
      }
      if (decision.sectionIds !== undefined) {
        await repo.replaceEntrySections(trx, id, decision.sectionIds);
      }
      const entry = await load(trx, id);
      const changeId = await record(trx, actor, decision.kind, id, entry);
      await announce(trx, changeId, decision.kind, entry);
      return { entry, changed: true };
    });
    if (result.changed) await events.deliver();
    return result.entry;
  }

  return {
    /** Entries as readers see them: an entry is public as soon as it is posted. */
    listPage,

    /** The newest entries for a widget: pinned ones first, `limit` in all. */
    async listLatest(limit: number): Promise<FeedEntry[]> {
      const pinned = await repo.listEntries(db, { limit, pinned: true });
      const rest = await repo.listEntries(db, { limit: limit - pinned.length, pinned: false });
      return toFeedEntries(db, [...pinned, ...rest].slice(0, limit));
    },

    /** Key entries published in `[from, to)`, oldest first (for the daily briefing). */
    async listKeyEntries(range: { from: Date; to: Date; limit: number }): Promise<FeedEntry[]> {
      const rows = await repo.listKeyEntriesBetween(db, {
        from: toTimestamp(range.from),
        to: toTimestamp(range.to),
        limit: range.limit,
      });
      return toFeedEntries(db, rows);
    },

    async findEntryBySlug(slug: string): Promise<FeedEntry | undefined> {
      const row = await repo.findEntryBySlug(db, slug);
      return row === undefined ? undefined : (await toFeedEntries(db, [row]))[0];
    },

    async getEntryFor(actor: Actor, id: string): Promise<FeedEntry> {
      ensureCan(actor, 'feed.manage', manage);
      return load(db, id);
    },

    async listEntriesFor(actor: Actor, query: FeedPageQuery = {}): Promise<FeedPage> {
      ensureCan(actor, 'feed.manage', manage);
      return listPage(query);
    },

    async createEntry(actor: Actor, input: FeedEntryInput): Promise<FeedEntry> {
      ensureCan(actor, 'feed.manage', manage);
      if (input.title === undefined) throw invalid([{ field: 'title', message: 'is required' }]);
      const { body = emptyBody(), sectionIds, ...refs } = await prepare(input);
      const authorId = refs.authorId ?? actor.userId;
      if (authorId === null) {
        throw invalid([{ field: 'author', message: 'name the staff member to credit' }]);
      }
      const id = newId();
      const title = input.title.trim();
      const now = clock.now().toISOString();
      const isUniqueViolation = (error: unknown): boolean =>
        input.slug === undefined && decideConstraintViolation(error) === 'unique';
      const save = (choice: SlugChoice) =>
        db.transaction().execute(async (trx) => {
          await repo.insertEntry(trx, {
            id,
            slug: await decideEntrySlug(trx, input.slug, title, id, choice),
            title,
            body: JSON.stringify(body),
            plain_text: bodyToPlainText(body),
            author_id: authorId,
            post_id: input.postId ?? null,
            pinned: input.pinned === true ? 1 : 0,
            key_event: input.keyEvent === true ? 1 : 0,
            published_at: input.publishedAt?.toISOString() ?? now,
            edited_at: null,
            revision: 1,
            created_by: actor.id,
            created_at: now,
            updated_at: now,
          });
          if (sectionIds !== undefined) await repo.replaceEntrySections(trx, id, sectionIds);
          const created = await load(trx, id);
          await announce(trx, await record(trx, actor, 'created', id, created), 'created', created);
          return created;
        });
      const entry = await withSlugRetry(save, isUniqueViolation);
      await events.deliver();
      return entry;
    },

    updateEntry,

    /** Pins an entry to the top of the feed, or lets it fall back into its place. */
    setPinned(actor: Actor, id: string, pinned: boolean): Promise<FeedEntry> {
      return updateEntry(actor, id, { pinned });
    },

    async deleteEntry(actor: Actor, id: string): Promise<void> {
      ensureCan(actor, 'feed.manage', manage);
      await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        await repo.deleteEntry(trx, id);
        await announce(trx, await record(trx, actor, 'deleted', id, null), 'deleted', before);
      });
      await events.deliver();
    },

    /** Changes after `afterId`, oldest first, for live connections. */
    async listChangesAfter(afterId: number, limit: number): Promise<FeedChange[]> {
      return (await changeLog.listChangesAfter(db, afterId, limit)).map(toFeedChange);
    },

    /** The newest change id: a page rendered now shows the feed as of this change. */
    findLatestChangeId: (): Promise<number> => changeLog.findLatestChangeId(db),

    /** The oldest change still kept: a reader who last saw an earlier one missed some. */
    findOldestChangeId: (): Promise<number> => changeLog.findOldestChangeId(db),

    /**
     * Forgets changes past the retention rule (older than `changeLogRetention.days` and
     * not among the newest `changeLogRetention.keep`); says how many went.
     */
    pruneChangeLog: (): Promise<number> => pruneChangeLog(db),
  };
}
