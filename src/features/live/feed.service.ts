import type { Db, Engine, Executor, Trx } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { EventBus } from '../../platform/events/event-bus.js';
import { newId } from '../../platform/ids.js';
import { bodyToPlainText } from '../content/body/body-to-text.js';
import { emptyBody } from '../content/body/validate-body.js';
import type { Tag } from '../content/tag.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import * as changeLog from './feed-change.repository.js';
import { parseFeedCursor, toFeedCursor } from './feed-cursor.js';
import { decideEntryEdit } from './feed-entry-edit.js';
import { checkEntryInput, decideEntryBody, type FeedEntryInput } from './feed-entry-input.js';
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
}

/** One page of the feed, newest first, with cursors to the pages around it. */
export interface FeedPage {
  readonly entries: FeedEntry[];
  /** Pass as `before` for the next, older page; null on the last page. */
  readonly older: string | null;
  /** Pass as `after` for the previous, newer page; null on the first page. */
  readonly newer: string | null;
}

export interface FeedPageQuery {
  readonly limit?: number | undefined;
  readonly before?: string | undefined;
  readonly after?: string | undefined;
  readonly pinned?: boolean | undefined;
}

export type FeedService = ReturnType<typeof createFeedService>;

const manage = 'run the news feed';

function positionOf(row: repo.FeedEntryWithAuthorRow): repo.FeedPosition {
  return { publishedAt: row.published_at, id: row.id };
}

export function createFeedService(deps: FeedServiceDeps) {
  const { db, engine, clock, audit, events } = deps;

  async function load(executor: Executor, id: string): Promise<FeedEntry> {
    const row = await repo.findEntryById(executor, id);
    const [entry] = row === undefined ? [] : await toFeedEntries(executor, [row]);
    if (entry === undefined) throw notFound('That feed entry');
    return entry;
  }

  function cursor(text: string | undefined, field: string): repo.FeedPosition | undefined {
    if (text === undefined) return undefined;
    const position = parseFeedCursor(text);
    if (position === undefined) throw invalid([{ field, message: 'is not a page of the feed' }]);
    return position;
  }

  /** Checks input and finds what it refers to, before any transaction: SQLite has one connection. */
  async function prepare(input: FeedEntryInput) {
    checkEntryInput(input);
    if (input.publishedAt !== undefined && input.publishedAt.getTime() > clock.now().getTime()) {
      throw invalid([
        { field: 'published_at', message: 'entries go live when posted: use a past time' },
      ]);
    }
    const body = decideEntryBody(input);
    let authorId: string | undefined;
    if (input.author !== undefined) {
      authorId = await deps.findAuthorId(input.author.trim());
      if (authorId === undefined) {
        throw invalid([{ field: 'author', message: `no staff member "${input.author}"` }]);
      }
    }
    let sectionIds: string[] | undefined;
    if (input.sections !== undefined) {
      const tags = await deps.listTags();
      sectionIds = [];
      for (const ref of input.sections) {
        const text = ref.trim().toLowerCase();
        const tag = tags.find(
          (t) => t.id === ref || t.slug === text || t.name.toLowerCase() === text,
        );
        if (tag === undefined) {
          throw invalid([{ field: 'sections', message: `no section "${ref}"` }]);
        }
        if (!sectionIds.includes(tag.id)) sectionIds.push(tag.id);
      }
    }
    if (typeof input.postId === 'string' && !(await deps.hasPost(input.postId))) {
      throw invalid([{ field: 'post_id', message: 'there is no post with this id' }]);
    }
    return { body, authorId, sectionIds };
  }

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

  async function listPage(query: FeedPageQuery = {}): Promise<FeedPage> {
    const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
    const before = cursor(query.before, 'before');
    const after = before === undefined ? cursor(query.after, 'after') : undefined;
    const pinned = query.pinned;
    const rows = await repo.listEntries(db, { limit, before, after, pinned });
    const first = rows[0];
    const last = rows.at(-1);
    const [older, newer] = await Promise.all([
      last === undefined
        ? []
        : repo.listEntries(db, { limit: 1, pinned, before: positionOf(last) }),
      first === undefined
        ? []
        : repo.listEntries(db, { limit: 1, pinned, after: positionOf(first) }),
    ]);
    const toCursor = (row: repo.FeedEntryWithAuthorRow): string =>
      toFeedCursor({ publishedAt: new Date(row.published_at), id: row.id });
    return {
      entries: await toFeedEntries(db, rows),
      older: last !== undefined && older.length > 0 ? toCursor(last) : null,
      newer: first !== undefined && newer.length > 0 ? toCursor(first) : null,
    };
  }

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
      const result = await db.transaction().execute(async (trx) => {
        await repo.insertEntry(trx, {
          id,
          slug: await decideEntrySlug(trx, input.slug, title, id),
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
