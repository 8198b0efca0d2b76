import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test/support/test-database.js';
import { migrateToLatest } from './migrate.js';

describeEachEngine('migrations', (ctx) => {
  it('creates every table and is a no-op when run again', async () => {
    const again = await migrateToLatest(ctx.handle.db);
    expect(again.applied).toEqual([]);
    const result = await sql<{ n: number }>`select count(*) as n from posts`.execute(ctx.handle.db);
    expect(Number(result.rows[0]?.n)).toBe(0);
  });
});
