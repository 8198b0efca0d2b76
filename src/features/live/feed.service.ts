import { decideConstraintViolation } from '../../db/constraint-violation.js';
import type { Db, Engine, Executor, Trx } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events/event-bus.js';
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
  readonly events: EventBus;
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

export function createFeedService(deps: FeedServiceDeps) {
  const { db, engine, clock, audit, events } = deps;

  async function load(executor: Executor, id: string): Promise<FeedEntry> {
    const row = await repo.findEntryById(executor, id);
    const [entry] = row === undefined ? [] : await toFeedEntries(executor, [row]);
    if (entry === undefined) throw notFound('That feed entry');
    return entry;
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

  /** Told after commit, so every process reads a change that is already there. */
  function announce(changeId: number, kind: FeedChangeKind, entry: FeedEntry): void {
    events.publish('feed.changed', {
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
      if (decision === null) return { entry: before, changed: null };
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
      return { entry, changed: { changeId, kind: decision.kind } };
    });
    if (result.changed !== null) {
      announce(result.changed.changeId, result.changed.kind, result.entry);
    }
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
          const entry = await load(trx, id);
          return { entry, changeId: await record(trx, actor, 'created', id, entry) };
        });
      const result = await withSlugRetry(save, isUniqueViolation);
      announce(result.changeId, 'created', result.entry);
      return result.entry;
    },

    updateEntry,

    /** Pins an entry to the top of the feed, or lets it fall back into its place. */
    setPinned(actor: Actor, id: string, pinned: boolean): Promise<FeedEntry> {
      return updateEntry(actor, id, { pinned });
    },

    async deleteEntry(actor: Actor, id: string): Promise<void> {
      ensureCan(actor, 'feed.manage', manage);
      const result = await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        await repo.deleteEntry(trx, id);
        return { before, changeId: await record(trx, actor, 'deleted', id, null) };
      });
      announce(result.changeId, 'deleted', result.before);
    },

    /** Changes after `afterId`, oldest first, for live connections. */
    async listChangesAfter(afterId: number, limit: number): Promise<FeedChange[]> {
      return (await changeLog.listChangesAfter(db, afterId, limit)).map(toFeedChange);
    },

    /** The newest change id: a page rendered now shows the feed as of this change. */
    findLatestChangeId: (): Promise<number> => changeLog.findLatestChangeId(db),
  };
}
