import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { systemActor } from '../../src/features/staff/actor.js';
import { createPasswordHasher, testPasswordCost } from '../../src/features/staff/password.js';
import type { Role } from '../../src/features/staff/role.js';
import { buildApp } from '../../src/main/app.js';
import { createServices, type Services } from '../../src/main/services.js';
import { createWorker } from '../../src/main/worker.js';
import { createManualClock, type ManualClock } from '../../src/platform/clock.js';
import type { AppInstance } from '../../src/platform/http/app-instance.js';
import { createLogger } from '../../src/platform/logger.js';

export interface TestApp {
  readonly app: AppInstance;
  readonly services: Services;
  readonly clock: ManualClock;
  readonly dataDir: string;
  /** Runs the jobs that are due by the test clock. */
  runJobs(): Promise<number>;
  /** A bearer token of a role, with a staff user behind it (`user` is its id). */
  tokenFor(role: Role): Promise<{ token: string; userId: string; slug: string }>;
  close(): Promise<void>;
}

let counter = 0;

/** The whole application on a test database, with a manual clock and a temporary data folder. */
export async function createTestApp(
  handle: DatabaseHandle,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-data-'));
  const config = loadConfig({
    MASTHEAD_DATABASE_URL: handle.url,
    MASTHEAD_DATA_DIR: dataDir,
    MASTHEAD_SITE_URL: 'http://news.test',
    MASTHEAD_DEMO: 'false',
    MASTHEAD_LOG_LEVEL: 'silent',
    // No narration unless a test asks for an engine: every publish would otherwise make
    // audio on the local engine (a process per part, at the lowest priority) whenever a
    // test moves its clock past the narration's quiet spell.
    MASTHEAD_TTS_PROVIDER: 'off',
    ...env,
  });
  const clock = createManualClock('2026-11-20T09:00:00.000Z');
  const services = createServices({
    config,
    logger: createLogger('silent'),
    clock,
    database: { ...handle, close: () => Promise.resolve() },
    passwords: createPasswordHasher(testPasswordCost),
  });
  const app = await buildApp(services);
  const worker = createWorker(services);
  return {
    app,
    services,
    clock,
    dataDir,
    runJobs: () => worker.runDue(),
    async tokenFor(role) {
      counter += 1;
      const n = `${Date.now().toString(36)}${counter}`;
      const user = await services.staff.createStaff(systemActor, {
        email: `${role}-${n}@news.test`,
        name: `${role[0]?.toUpperCase() ?? ''}${role.slice(1)} Person ${n}`,
        role,
        password: 'correct horse battery',
      });
      const created = await services.tokens.createToken(systemActor, {
        name: `${role} ${n}`,
        role,
        userId: user.id,
      });
      return { token: created.token, userId: user.id, slug: user.slug };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
