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
import * as changes from './feed-change.repository.js';
import { parseFeedCursor, toFeedCursor } from './feed-cursor.js';
import { checkEntryInput, decideEntryBody, type FeedEntryInput } from './feed-entry-input.js';
import { toEntrySnapshot, toFeedChange, toFeedEntries } from './feed-entry-mapping.js';
import * as repo from './feed-entry.repository.js';
import type { FeedEntryTable } from './feed-entry.table.js';
import { decideEditedAt, type FeedChange, type FeedChangeKind, type FeedEntry } from './feed-entry.js';
import './feed-events.js';
import { decideEntrySlug } from './feed-slug.js';

export interface FeedServiceDeps {
  readonly db: Db;
  readonly engine: Engine;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly events: EventBus;
  /** Every tag, to resolve sections by id, slug or name. */
  readonly listTags: () => Promise<readonly Tag[]>;
  /** A staff user's id by slug, e-mail or id. */
  readonly findAuthorId: (ref: string) => Promise<string | undefined>;
  /** Whether a post exists, to link an entry to it. */
  readonly hasPost: (id: string) => Promise<boolean>;
}

/** One page of the feed, newest first, with cursors to the pages around it. */
export interface FeedPage {
  readonly entries: FeedEntry[];
  /** Cursor for `before`: the next, older page; null on the last page. */
  readonly older: string | null;
  /** Cursor for `after`: the previous, newer page; null on the first page. */
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

export function createFeedService(deps: FeedServiceDeps) {
  const { db, engine, clock, audit, events } = deps;

  async function load(executor: Executor, id: string): Promise<FeedEntry> {
    const row = await repo.findEntryById(executor, id);
    const [entry] = row === undefined ? [] : await toFeedEntries(executor, [row]);
    if (entry === undefined) throw notFound('That feed entry');
    return entry;
  }

  function cursorOf(query: FeedPageQuery, name: 'before' | 'after') {
    const text = query[name];
    if (text === undefined) return undefined;
    const position = parseFeedCursor(text);
    if (position === undefined) {
      throw invalid([{ field: name, message: 'is not a page of the news feed' }]);
    }
    return position;
  }

  /** Everything a save needs that is looked up outside its transaction (SQLite has one connection). */
  async function resolveRefs(actor: Actor, input: FeedEntryInput) {
    let authorId: string | undefined;
    if (input.author !== undefined) {
      authorId = await deps.findAuthorId(input.author.trim());
      if (authorId === undefined) {
        throw invalid([{ field: 'author', message: `no staff member "${input.author}"` }]);
      }
    }
    let sectionIds: string[] | undefined;
    if (input.sections !== undefined) {
      const all = await deps.listTags();
      sectionIds = [];
      for (const ref of input.sections) {
        const text = ref.trim().toLowerCase();
        const tag = all.find((t) => t.id === ref || t.slug === text || t.name.toLowerCase() === text);
        if (tag === undefined) throw invalid([{ field: 'sections', message: `no section "${ref}"` }]);
        if (!sectionIds.includes(tag.id)) sectionIds.push(tag.id);
      }
    }
    if (typeof input.postId === 'string' && !(await deps.hasPost(input.postId))) {
      throw invalid([{ field: 'post_id', message: 'there is no post with this id' }]);
    }
    return { authorId: authorId ?? actor.userId ?? undefined, sectionIds };
  }

  async function record(
    trx: Trx,
    actor: Actor,
    kind: FeedChangeKind,
    entryId: string,
    entry: FeedEntry | null,
  ): Promise<number> {
    const at = clock.now().toISOString();
    const changeId = await changes.appendChange(trx, engine, {
      entry_id: entryId,
      kind,
      entry: entry === null ? null : toEntrySnapshot(entry),
      at,
    });
    const action = kind === 'pinned' ? (entry?.pinned === true ? 'pin' : 'unpin') : kind.replace(/d$/, '');
    await audit.record(trx, actor, `feed.${action}`, { type: 'feed_entry', id: entryId }, { changeId });
    return changeId;
  }

  function announce(changeId: number, kind: FeedChangeKind, entry: FeedEntry): void {
    events.publish('feed.changed', {
      changeId,
      kind,
      entryId: entry.id,
      slug: entry.slug,
      postId: entry.postId,
    });
  }

  function checkPublishedAt(at: Date | undefined): void {
    if (at !== undefined && at.getTime() > clock.now().getTime()) {
      throw invalid([{ field: 'published_at', message: 'feed entries go live when posted; use a time in the past' }]);
    }
  }

  return {
    /** Entries as readers see them: every entry is public as soon as it is posted. */
    async listPage(query: FeedPageQuery = {}): Promise<FeedPage> {
      const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
      const before = cursorOf(query, 'before');
      const after = before === undefined ? cursorOf(query, 'after') : undefined;
      const filter = { pinned: query.pinned };
      const rows = await repo.listEntries(db, { ...filter, limit, before, after });
      const first = rows[0];
      const last = rows.at(-1);
      const position = (row: repo.FeedEntryWithAuthorRow) => ({ publishedAt: row.published_at, id: row.id });
      const [olderRows, newerRows] = await Promise.all([
        last === undefined ? [] : repo.listEntries(db, { ...filter, limit: 1, before: position(last) }),
        first === undefined ? [] : repo.listEntries(db, { ...filter, limit: 1, after: position(first) }),
      ]);
      const toCursor = (row: repo.FeedEntryWithAuthorRow) =>
        toFeedCursor({ publishedAt: new Date(row.published_at), id: row.id });
      return {
        entries: await toFeedEntries(db, rows),
        older: last !== undefined && olderRows.length > 0 ? toCursor(last) : null,
        newer: first !== undefined && newerRows.length > 0 ? toCursor(first) : null,
      };
    },

    /** The latest entries for a widget: pinned ones first, then the newest, `limit` in all. */
    async listLatest(limit: number): Promise<FeedEntry[]> {
      const pinned = await repo.listEntries(db, { limit, pinned: true });
      const rest = await repo.listEntries(db, { limit: Math.max(limit - pinned.length, 0), pinned: false });
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
      return this.listPage(query);
    },

    async createEntry(actor: Actor, input: FeedEntryInput): Promise<FeedEntry> {
      ensureCan(actor, 'feed.manage', manage);
      if (input.title === undefined) throw invalid([{ field: 'title', message: 'is required' }]);
      checkEntryInput(input);
      checkPublishedAt(input.publishedAt);
      const body = decideEntryBody(input) ?? emptyBody();
      const refs = await resolveRefs(actor, input);
      if (refs.authorId === undefined) {
        throw invalid([{ field: 'author', message: 'name the staff member to credit' }]);
      }
      const authorId = refs.authorId;
      const id = newId();
      const title = input.title.trim();
      const now = clock.now().toISOString();
      const result = await db.transaction().execute(async (trx) => {
        const row: FeedEntryTable = {
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
        };
        await repo.insertEntry(trx, row);
        if (refs.sectionIds !== undefined) await repo.replaceEntrySections(trx, id, refs.sectionIds);
        const entry = await load(trx, id);
        return { entry, changeId: await record(trx, actor, 'created', id, entry) };
      });
      announce(result.changeId, 'created', result.entry);
      return result.entry;
    },

    async updateEntry(actor: Actor, id: string, input: FeedEntryInput): Promise<FeedEntry> {
      ensureCan(actor, 'feed.manage', manage);
      checkEntryInput(input);
      checkPublishedAt(input.publishedAt);
      const body = decideEntryBody(input);
      const refs = await resolveRefs(actor, input);
      const result = await db.transaction().execute(async (trx) => {
        const before = await load(trx, id);
        const now = clock.now();
        const title = input.title?.trim() ?? before.title;
        const bodyJson = body === undefined ? JSON.stringify(before.body) : JSON.stringify(body);
        const postId = input.postId === undefined ? before.postId : input.postId;
        const publishedAt = input.publishedAt ?? before.publishedAt;
        const textChanged =
          title !== before.title || bodyJson !== JSON.stringify(before.body) || postId !== before.postId;
        const row: Partial<FeedEntryTable> = {
          slug: input.slug === undefined ? before.slug : await decideEntrySlug(trx, input.slug, title, id),
          title,
          body: bodyJson,
          plain_text: body === undefined ? before.plainText : bodyToPlainText(body),
          author_id: refs.authorId !== undefined && input.author !== undefined ? refs.authorId : before.author.id,
          post_id: postId,
          pinned: (input.pinned ?? before.pinned) ? 1 : 0,
          key_event: (input.keyEvent ?? before.keyEvent) ? 1 : 0,
          published_at: publishedAt.toISOString(),
          edited_at: (textChanged ? decideEditedAt(publishedAt, now, before.editedAt) : before.editedAt)?.toISOString() ?? null,
        };
        const changed = Object.entries(row).some(([key, value]) => value !== toRowValue(before, key));
        if (!changed && refs.sectionIds === undefined) return { entry: before, changeId: null };
        const expected = input.revision ?? before.revision;
        const saved = await repo.updateEntryAtRevision(trx, id, expected, {
          ...row,
          revision: before.revision + 1,
          updated_at: now.toISOString(),
        });
        if (!saved) {
          throw new AppError(
            'edit_conflict',
            `Someone else saved this entry (now revision ${before.revision}) after you opened revision ${expected}. ` +
              'Copy your text, reload the entry, and make your change again.',
          );
        }
        if (refs.sectionIds !== undefined) await repo.replaceEntrySections(trx, id, refs.sectionIds);
        const after = await load(trx, id);
        const onlyPin = after.pinned !== before.pinned && Object.entries(row).every(
          ([key, value]) => key === 'pinned' || value === toRowValue(before, key),
        ) && refs.sectionIds === undefined;
        const kind: FeedChangeKind = onlyPin ? 'pinned' : 'updated';
        return { entry: after, changeId: await record(trx, actor, kind, id, after), kind };
      });
      if (result.changeId !== null && 'kind' in result) announce(result.changeId, result.kind, result.entry);
      return result.entry;
    },

    setPinned(actor: Actor, id: string, pinned: boolean): Promise<FeedEntry> {
      return this.updateEntry(actor, id, { pinned });
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
      return (await changes.listChangesAfter(db, afterId, limit)).map(toFeedChange);
    },

    /** The id of the newest change; a page rendered now is up to date as of this id. */
    findLatestChangeId: (): Promise<number> => changes.findLatestChangeId(db),
  };
}

/** The stored value of a column as `before` has it, to tell which fields a save changes. */
function toRowValue(before: FeedEntry, column: string): unknown {
  switch (column) {
    case 'slug':
      return before.slug;
    case 'title':
      return before.title;
    case 'body':
      return JSON.stringify(before.body);
    case 'plain_text':
      return before.plainText;
    case 'author_id':
      return before.author.id;
    case 'post_id':
      return before.postId;
    case 'pinned':
      return before.pinned ? 1 : 0;
    case 'key_event':
      return before.keyEvent ? 1 : 0;
    case 'published_at':
      return before.publishedAt.toISOString();
    case 'edited_at':
      return before.editedAt?.toISOString() ?? null;
    default:
      return undefined;
  }
}
