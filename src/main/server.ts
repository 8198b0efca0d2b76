import type { Config } from '../config/config.js';
import { migrateToLatest } from '../db/migrate.js';
import { createLogger, type Logger } from '../platform/logger.js';
import { drainConnections } from '../platform/http/connection-drain.js';
import { buildApp } from './app.js';
import { seedDemoNewsroom } from './demo/seed-demo.js';
import { createServices, type Services } from './services.js';
import { createWorker } from './worker.js';

export interface RunningMasthead {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the web server, the job worker, or both, as MASTHEAD_ROLE says. */
export async function startMasthead(
  config: Config,
  logger: Logger = createLogger(config.logLevel),
  options: StartOptions = {},
): Promise<RunningMasthead> {
  const services = createServices({ config, logger });
  if (options.prepared !== true) await prepareDatabase(services, config);

  // Domain events recorded by any process reach this one's subscribers from here on.
  await services.eventRelay.start();

  const worker = config.role === 'web' ? null : createWorker(services);
  worker?.start();

  const app = config.role === 'worker' ? null : await buildApp(services);
  let url = '(worker only)';
  if (app !== null) {
    url = await app.listen({ host: config.host, port: config.port });
    if (options.prepared !== true) {
      process.stdout.write(`  Masthead is serving ${config.siteUrl} (listening on ${url})\n`);
    }
  }

  return {
    url,
    stop: async () => {
      if (app !== null) {
        await drainConnections(app.server, () => services.feedLive.stop(), drainGraceMs);
        await app.close();
      }
      await worker?.stop();
      await services.close();
    },
  };
}

/** How long kept-alive connections get to end by themselves before idle ones are closed. */
const drainGraceMs = 5_000;

export interface StartOptions {
  /** Migrations ran and the demo was seeded already (by the primary of several processes). */
  readonly prepared?: boolean;
}

/** Brings the schema up to date and seeds the demo newsroom: once, before serving. */
export async function prepareDatabase(services: Services, config: Config): Promise<void> {
  const { logger } = services;
  const migrated = await migrateToLatest(services.database.db);
  if (migrated.applied.length > 0) logger.info({ applied: migrated.applied }, 'database migrated');

  if (config.demo) {
    const seeded = await seedDemoNewsroom(services);
    if (seeded !== null) {
      process.stdout.write(
        [
          '',
          `  Demo newsroom "${seeded.title}" is ready.`,
          `  Sign in to the CMS at ${config.siteUrl}/admin`,
          `    e-mail:   ${seeded.email}`,
          `    password: ${seeded.password}`,
          '  (shown once; create more staff with `npx masthead staff create`)',
          '',
        ].join('\n') + '\n',
      );
    }
    // The demo's articles are narrated in the background: free on the local engine, and
    // once, just after seeding, on a paid provider.
    if (seeded !== null || config.tts.provider === 'flite') {
      const asked = await services.narration.backfill({ all: false });
      if (asked > 0) logger.info({ articles: asked }, 'narrations requested for the demo');
    }
  }
}
