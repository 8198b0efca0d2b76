import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import {
  appendChange,
  deleteChangesBefore,
  findLatestChangeId,
  findOldestChangeId,
} from './feed-change.repository.js';

describeEachEngine('the feed change log', (ctx, engine) => {
  const append = (at: string) =>
    ctx.handle.db
      .transaction()
      .execute((trx) =>
        appendChange(trx, engine, { entry_id: 'e1', kind: 'deleted', entry: null, at }),
      );

  it('forgets changes older than the cut-off beyond the newest few, and nothing else', async () => {
    const old = [];
    for (let n = 0; n < 4; n += 1) old.push(await append('2026-01-01T00:00:00.000Z'));
    const recent = await append('2026-03-01T00:00:00.000Z');

    // The newest three are kept whatever their age: two old ones go.
    const gone = await deleteChangesBefore(ctx.handle.db, {
      before: '2026-02-01T00:00:00.000Z',
      keep: 3,
    });
    expect(gone).toBe(2);
    expect(await findOldestChangeId(ctx.handle.db)).toBe(old[2]);

    // A recent change stays however small `keep` is, and so does the newest.
    await deleteChangesBefore(ctx.handle.db, { before: '2026-02-01T00:00:00.000Z', keep: 0 });
    expect(await findOldestChangeId(ctx.handle.db)).toBe(recent);
    expect(await findLatestChangeId(ctx.handle.db)).toBe(recent);

    // Ids go on growing after pruning.
    expect(await append('2026-03-02T00:00:00.000Z')).toBe(recent + 1);
  });
});
