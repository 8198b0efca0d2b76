import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.js';
import { createApiTokenService } from '../features/staff/api-token.service.js';
import { createAuditService } from '../features/staff/audit.service.js';
import { systemClock } from '../platform/clock.js';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-cli-'));
const env = { ...process.env, MASTHEAD_DATA_DIR: dir, MASTHEAD_LOG_LEVEL: 'silent' };
const cli = (args: string[]) =>
  run(process.execPath, ['--import', 'tsx', path.resolve('src/main/cli-entry.ts'), ...args], {
    env,
  });

describe('the masthead command', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a staff account and prints a generated password once', async () => {
    const { stdout } = await cli([
      'staff',
      'create',
      '--email',
      'Ed@News.Test',
      '--name',
      'Ed Itor',
      '--role',
      'editor',
    ]);
    expect(stdout).toContain('Created editor Ed Itor <ed@news.test>.');
    expect(stdout).toMatch(/Password: \S{12,}/);
  });

  it('prints a new API token alone on standard output, and the token works', async () => {
    const { stdout } = await cli([
      'token',
      'create',
      '--name',
      'Wire importer',
      '--role',
      'author',
    ]);
    const token = stdout.trim();
    expect(stdout).toBe(`${token}\n`);
    expect(token).toMatch(/^mh_[A-Za-z0-9_-]{20,}$/);
    const handle = openDatabase(`sqlite:${path.join(dir, 'masthead.db')}`);
    const audit = createAuditService({ db: handle.db, clock: systemClock });
    const actor = await createApiTokenService({
      db: handle.db,
      clock: systemClock,
      audit,
    }).resolveToken(token);
    await handle.close();
    expect(actor?.role).toBe('author');
  });

  it('refuses an unknown role with a message and a non-zero exit', async () => {
    await expect(cli(['token', 'create', '--name', 'x', '--role', 'chief'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'The role must be one of: contributor, author, editor, administrator, owner.',
      ) as unknown,
    });
  });

  it('explains usage for a missing option', async () => {
    await expect(cli(['staff', 'create', '--email', 'a@b.test'])).rejects.toMatchObject({
      code: 64,
      stderr: expect.stringContaining('--name is required.') as unknown,
    });
  });
});
