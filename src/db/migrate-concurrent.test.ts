import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrations } from '../../migrations/migration-list.js';
import { isEngineAvailable } from '../../test/support/test-database.js';
import { startWebProcess, type WebProcess } from '../../test/support/web-process.js';

describe.skipIf(!isEngineAvailable('postgres'))('migrations at start [postgres]', () => {
  const adminUrl = inject('postgresAdminUrl') ?? '';
  const name = `masthead_test_${randomBytes(6).toString('hex')}`;
  const started: WebProcess[] = [];

  const query = async <T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  };

  afterAll(async () => {
    await Promise.all(started.map((process) => process.stop()));
    await query(adminUrl, `drop database if exists ${name} with (force)`);
  });

  it('lets two web processes started at once migrate an empty database once, without error', async () => {
    await query(adminUrl, `create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;

    const processes = await Promise.all([
      startWebProcess(url.toString()),
      startWebProcess(url.toString()),
    ]);
    started.push(...processes);

    const applied = await query<{ name: string }>(
      url.toString(),
      'select name from schema_migrations order by name',
    );
    expect(applied.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
    for (const process of processes) {
      expect((await fetch(`${process.url}/readyz`)).status).toBe(200);
    }
    // Two processes start from source on a shared 2-core machine: allow them their time.
  }, 120_000);
});
