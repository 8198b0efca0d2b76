import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/test-database.js';
import { compiledOnce } from './compiled-once.js';
import type { Executor } from './database.js';

const at = '2026-12-01T09:00:00.000Z';
const tagsNamed = ['Politics', 'Climate', 'Culture', 'Sport'];

const tagsBySlugs = compiledOnce((db: Executor, slugs: readonly string[]) =>
  db.selectFrom('tags').select(['slug', 'name']).where('slug', 'in', slugs).orderBy('slug'),
);

const tagBySlugWithName = compiledOnce((db: Executor, slug: string, name: string) =>
  db
    .selectFrom('tags')
    .select('slug')
    .where('slug', '=', slug)
    .where('name', '=', name)
    // A fixed value among the call's values keeps its place.
    .where('description', '=', 'fixed'),
);

describeEachEngine('a query compiled once', (ctx) => {
  beforeAll(async () => {
    await ctx.handle.db
      .insertInto('tags')
      .values(
        tagsNamed.map((name) => ({
          id: `tag-${name.toLowerCase()}`,
          slug: name.toLowerCase(),
          name,
          description: name === 'Sport' ? 'other' : 'fixed',
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
  });

  it('answers each call with that call’s values, as the query built afresh would', async () => {
    const calls = [['politics'], ['climate'], ['culture', 'politics'], ['sport', 'climate']];
    for (const slugs of calls) {
      const fresh = await ctx.handle.db
        .selectFrom('tags')
        .select(['slug', 'name'])
        .where('slug', 'in', slugs)
        .orderBy('slug')
        .execute();
      expect(await tagsBySlugs(ctx.handle.db, slugs)).toEqual(fresh);
    }
    expect((await tagsBySlugs(ctx.handle.db, ['climate'])).map((t) => t.name)).toEqual(['Climate']);
  });

  it('keeps each query apart from another of the same shape', async () => {
    const namesBySlugs = compiledOnce((db: Executor, slugs: readonly string[]) =>
      db.selectFrom('tags').select('name').where('slug', 'in', slugs),
    );
    expect(await tagsBySlugs(ctx.handle.db, ['sport'])).toEqual([{ slug: 'sport', name: 'Sport' }]);
    expect(await namesBySlugs(ctx.handle.db, ['sport'])).toEqual([{ name: 'Sport' }]);
  });

  it('puts each argument in its own place, beside the fixed values', async () => {
    expect(await tagBySlugWithName(ctx.handle.db, 'climate', 'Climate')).toEqual([
      { slug: 'climate' },
    ]);
    expect(await tagBySlugWithName(ctx.handle.db, 'climate', 'Politics')).toEqual([]);
    // Sport's description is not the fixed one.
    expect(await tagBySlugWithName(ctx.handle.db, 'sport', 'Sport')).toEqual([]);
  });

  it('runs inside a transaction on the transaction’s connection', async () => {
    const seen = await ctx.handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('tags')
        .values({
          id: 'tag-science',
          slug: 'science',
          name: 'Science',
          description: 'fixed',
          created_at: at,
          updated_at: at,
        })
        .execute();
      return tagsBySlugs(trx, ['science']);
    });
    expect(seen).toEqual([{ slug: 'science', name: 'Science' }]);
  });

  it('refuses a builder that changes its arguments instead of placing them', async () => {
    // The first call's value would be compiled in and answer every later call.
    const careless = compiledOnce((db: Executor, slug: string) =>
      db.selectFrom('tags').select('slug').where('slug', 'like', `${slug}%`),
    );
    await expect(careless(ctx.handle.db, 'climate')).rejects.toThrow(/used 0 of its 1 arguments/);
  });
});
