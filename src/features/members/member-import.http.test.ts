import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';

/** 10,000 lines, three of them bad: lines 101 (no address), 2002 (a repeat) and 9999 (status). */
function bigCsv(): string {
  const lines = ['email,name,labels,status'];
  for (let n = 1; n <= 10_000; n += 1) {
    const line = n + 1;
    if (line === 101) lines.push(',No Address,,free');
    else if (line === 2002) lines.push('reader1@import.test,Again,,free');
    else if (line === 9999) lines.push(`reader${n}@import.test,Odd,,platinum`);
    else
      lines.push(
        `reader${n}@import.test,"Reader ${n}",${n % 2 === 0 ? 'even;newsletter' : ''},${n % 10 === 0 ? 'comped' : 'free'}`,
      );
  }
  return `${lines.join('\n')}\n`;
}

describeEachEngine('importing members from CSV', (ctx) => {
  let t: TestApp;
  let admin: string;
  let editor: string;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
    editor = (await t.tokenFor('editor')).token;
  });
  afterAll(() => t.close());

  const importCsv = (csv: string, dryRun: boolean, token = admin) =>
    t.app.inject({
      method: 'POST',
      url: '/api/admin/members/import',
      headers: { authorization: `Bearer ${token}` },
      payload: { csv, dry_run: dryRun },
    });
  const count = async () =>
    (
      await t.app.inject({
        method: 'GET',
        url: '/api/admin/members/counts',
        headers: { authorization: `Bearer ${editor}` },
      })
    ).json<{ counts: { total: number; comped: number } }>().counts;

  it('previews 10,000 lines on a dry run, naming bad lines, and imports nothing', async () => {
    const response = await importCsv(bigCsv(), true);
    expect(response.statusCode).toBe(200);
    const result = response.json<{
      accepted: number;
      imported: number;
      problems: { line: number; message: string }[];
      preview: unknown[];
    }>();
    expect(result.accepted).toBe(9_997);
    expect(result.imported).toBe(0);
    expect(result.preview).toHaveLength(20);
    expect(result.problems).toEqual([
      { line: 101, message: 'the e-mail address is missing' },
      { line: 2002, message: 'reader1@import.test is already on line 2' },
      { line: 9999, message: 'status "platinum" is not one of free, paid, gift, comped' },
    ]);
    expect((await count()).total).toBe(0);
  });

  it('imports the good lines of 10,000, with labels and statuses, and reports the bad ones', async () => {
    const response = await importCsv(bigCsv(), false);
    const result = response.json<{ imported: number; problems: { line: number }[] }>();
    expect(result.imported).toBe(9_997);
    expect(result.problems.map((p) => p.line)).toEqual([101, 2002, 9999]);
    const counts = await count();
    expect(counts.total).toBe(9_997);
    expect(counts.comped).toBe(999);
    const labelled = await t.app.inject({
      method: 'GET',
      url: '/api/admin/members?label=newsletter&limit=1',
      headers: { authorization: `Bearer ${editor}` },
    });
    expect(labelled.json<{ meta: { total: number } }>().meta.total).toBe(4_998);
  });

  it('reports addresses that are already members when importing again', async () => {
    const again = await importCsv('email\nreader5@import.test\nfresh@import.test\n', false);
    expect(again.json()).toMatchObject({
      imported: 1,
      problems: [{ line: 2, message: 'reader5@import.test is already a member' }],
    });
  });

  it('lets editors look but not import', async () => {
    expect((await importCsv('email\nx@import.test\n', true, editor)).statusCode).toBe(403);
  });

  it('exports what it imported as CSV in the same columns', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/admin/members/export.csv?q=reader42%40',
      headers: { authorization: `Bearer ${editor}` },
    });
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body.split('\n')[0]).toBe('email,name,labels,status,status_until,created_at');
    expect(response.body).toContain('reader42@import.test,Reader 42,even;newsletter,free,');
  });
});
