import type { Db, Executor } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import './content-events.js';
import { decideFreeSlug, isReservedSlug, isValidSlug, slugify } from './slug.js';
import * as repo from './tag.repository.js';
import { toTag, type Tag } from './tag.js';

export interface TagServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly events: EventOutbox;
}

export interface TagInput {
  readonly name: string;
  readonly slug?: string | undefined;
  readonly description?: string | undefined;
}

export type TagService = ReturnType<typeof createTagService>;

export function createTagService(deps: TagServiceDeps) {
  const { db, clock, audit, events } = deps;

  async function checkSlug(executor: Executor, slug: string, exceptId?: string): Promise<void> {
    if (!isValidSlug(slug)) {
      throw invalid([
        { field: 'slug', message: 'use lowercase letters, digits and single hyphens' },
      ]);
    }
    if (isReservedSlug(slug)) {
      throw invalid([{ field: 'slug', message: `"${slug}" is reserved for the site` }]);
    }
    const existing = await repo.findTagBySlug(executor, slug);
    if (existing !== undefined && existing.id !== exceptId) {
      throw new AppError('slug_taken', `The slug "${slug}" is already used by another tag.`, [
        { field: 'slug', message: 'is already taken' },
      ]);
    }
  }

  async function insert(executor: Executor, input: TagInput): Promise<Tag> {
    const name = input.name.trim();
    if (name === '') throw invalid([{ field: 'name', message: 'is required' }]);
    let slug: string;
    if (input.slug !== undefined) {
      slug = input.slug;
      await checkSlug(executor, slug);
    } else {
      slug = await decideFreeSlug(
        slugify(name),
        async (s) => (await repo.findTagBySlug(executor, s)) !== undefined,
      );
    }
    const now = clock.now().toISOString();
    const row = {
      id: newId(),
      slug,
      name,
      description: input.description ?? '',
      created_at: now,
      updated_at: now,
    };
    await repo.insertTag(executor, row);
    return toTag(row);
  }

  return {
    async listTags(): Promise<Tag[]> {
      return (await repo.listTags(db)).map(toTag);
    },

    async findTagBySlug(slug: string): Promise<Tag | undefined> {
      const row = await repo.findTagBySlug(db, slug);
      return row === undefined ? undefined : toTag(row);
    },

    async getTag(id: string): Promise<Tag> {
      const row = await repo.findTagById(db, id);
      if (row === undefined) throw notFound('That tag');
      return toTag(row);
    },

    createTag(actor: Actor, input: TagInput): Promise<Tag> {
      ensureCan(actor, 'tag.manage', 'create sections and tags');
      return db.transaction().execute(async (trx) => {
        const tag = await insert(trx, input);
        await audit.record(
          trx,
          actor,
          'tag.create',
          { type: 'tag', id: tag.id },
          { slug: tag.slug },
        );
        return tag;
      });
    },

    updateTag(actor: Actor, id: string, input: Partial<TagInput>): Promise<Tag> {
      ensureCan(actor, 'tag.manage', 'change sections and tags');
      return db
        .transaction()
        .execute(async (trx) => {
          const row = await repo.findTagById(trx, id);
          if (row === undefined) throw notFound('That tag');
          if (input.slug !== undefined && input.slug !== row.slug)
            await checkSlug(trx, input.slug, id);
          const changes = {
            name: input.name?.trim() ?? row.name,
            slug: input.slug ?? row.slug,
            description: input.description ?? row.description,
            updated_at: clock.now().toISOString(),
          };
          if (changes.name === '') throw invalid([{ field: 'name', message: 'is required' }]);
          await repo.updateTag(trx, id, changes);
          await audit.record(trx, actor, 'tag.update', { type: 'tag', id }, { slug: changes.slug });
          await events.record(trx, 'tag.changed', { tagId: id, slug: changes.slug });
          return toTag({ ...row, ...changes });
        })
        .then(async (tag) => {
          await events.deliver();
          return tag;
        });
    },

    deleteTag(actor: Actor, id: string): Promise<void> {
      ensureCan(actor, 'tag.manage', 'delete sections and tags');
      return db
        .transaction()
        .execute(async (trx) => {
          const row = await repo.findTagById(trx, id);
          if (row === undefined) throw notFound('That tag');
          await repo.deleteTag(trx, id);
          await audit.record(trx, actor, 'tag.delete', { type: 'tag', id });
          await events.record(trx, 'tag.changed', { tagId: row.id, slug: row.slug });
        })
        .then(() => events.deliver());
    },

    /**
     * Finds each tag by slug or name, creating the missing ones when the actor may.
     * Keeps the given order: the first becomes the post's section.
     */
    async resolveTags(executor: Executor, actor: Actor, refs: readonly string[]): Promise<Tag[]> {
      const tags: Tag[] = [];
      for (const ref of refs) {
        const text = ref.trim();
        if (text === '') continue;
        const row =
          (await repo.findTagBySlug(executor, text)) ?? (await repo.findTagByName(executor, text));
        if (row !== undefined) {
          if (!tags.some((t) => t.id === row.id)) tags.push(toTag(row));
          continue;
        }
        ensureCan(actor, 'tag.manage', `create the new tag "${text}"`);
        tags.push(await insert(executor, { name: text }));
      }
      return tags;
    },
  };
}
