import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { migrateToLatest } from '../db/migrate.js';
import { runStaffCreate, runTokenCreate } from '../features/staff/staff.cli.js';
import { isAppError } from '../platform/errors.js';
import { createLogger } from '../platform/logger.js';
import { runJobsCommand } from './jobs.cli.js';
import { runStorageCommand } from './storage.cli.js';
import { runNarrationCommand } from '../features/narration/narration.cli.js';
import { createServices, type Services } from './services.js';
import { runMasthead, stopOnSignals } from './web-processes.js';

const usage = `Masthead — publishing for reader-funded newsrooms

Usage: masthead <command> [options]

  start [--no-demo]                       run the site (one web process per core, or
                                          MASTHEAD_WEB_PROCESSES), the Admin API and the job worker
  migrate                                 bring the database schema up to date
  staff create --email E --name N --role R [--password P]
                                          add a staff account (roles: contributor, author,
                                          editor, administrator, owner)
  token create --name N --role R          create an API token and print it alone
  jobs list [--failed] [--limit N]        show background jobs
  jobs retry ID                           run a failed job again
  narration run [--all]                   narrate published articles now (--all: again)
  narration status                        narration state of each published article
  payments reconcile                      re-sync members from the payment provider and retry
                                          provider events still waiting for their member
  storage migrate                         copy files from local disk to the bucket in
                                          MASTHEAD_STORAGE_URL (safe to run again)
  help                                    show this text

Configuration comes from MASTHEAD_* environment variables; see README.md.`;

async function withServices<T>(
  config: Config,
  run: (services: Services) => Promise<T>,
): Promise<T> {
  const services = createServices({ config, logger: createLogger('warn') });
  try {
    await migrateToLatest(services.database.db);
    return await run(services);
  } finally {
    await services.close();
  }
}

function requireOption(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--${name} is required.`);
  return value;
}

class UsageError extends Error {}

export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    switch (command) {
      case 'start': {
        const { values } = parseArgs({
          args: argv.slice(1),
          options: { 'no-demo': { type: 'boolean' } },
        });
        const config = loadConfig({
          ...process.env,
          ...(values['no-demo'] === true ? { MASTHEAD_DEMO: 'false' } : {}),
        });
        stopOnSignals(await runMasthead(config));
        return await new Promise<number>(() => undefined);
      }
      case 'migrate': {
        const config = loadConfig();
        await withServices(config, async (services) => {
          const report = await migrateToLatest(services.database.db);
          process.stdout.write(
            report.applied.length === 0
              ? 'The database is up to date.\n'
              : `Applied: ${report.applied.join(', ')}\n`,
          );
        });
        return 0;
      }
      case 'staff': {
        if (sub !== 'create')
          throw new UsageError('Use: masthead staff create --email E --name N --role R');
        const { values } = parseArgs({
          args: rest,
          options: {
            email: { type: 'string' },
            name: { type: 'string' },
            role: { type: 'string' },
            password: { type: 'string' },
          },
        });
        const args = {
          email: requireOption(values, 'email'),
          name: requireOption(values, 'name'),
          role: requireOption(values, 'role'),
          ...(values.password === undefined ? {} : { password: values.password }),
        };
        await withServices(loadConfig(), (services) => runStaffCreate(services, args));
        return 0;
      }
      case 'token': {
        if (sub !== 'create') throw new UsageError('Use: masthead token create --name N --role R');
        const { values } = parseArgs({
          args: rest,
          options: { name: { type: 'string' }, role: { type: 'string' } },
        });
        const args = { name: requireOption(values, 'name'), role: requireOption(values, 'role') };
        const token = await withServices(loadConfig(), (services) =>
          runTokenCreate(services, args),
        );
        process.stdout.write(`${token}\n`);
        return 0;
      }
      case 'jobs':
        return await withServices(loadConfig(), (services) => runJobsCommand(services, sub, rest));
      case 'storage':
        return await runStorageCommand(loadConfig(), sub);
      case 'narration':
        return await withServices(loadConfig(), (services) =>
          runNarrationCommand(
            {
              narration: services.narration,
              listPostIds: async () => {
                const found: { id: string; slug: string }[] = [];
                for (let page = 1; page <= 100; page += 1) {
                  const posts = await services.posts.listPublished({ page, limit: 100 });
                  if (posts.length === 0) break;
                  found.push(...posts.map((p) => ({ id: p.id, slug: p.slug })));
                }
                return found;
              },
            },
            sub,
            rest,
          ),
        );
      case 'payments': {
        if (sub !== 'reconcile') throw new UsageError('Use: masthead payments reconcile');
        const report = await withServices(loadConfig(), (services) => services.revenue.reconcile());
        process.stdout.write(
          `Subscriptions checked: ${report.subscriptionsChecked}, updated: ${report.subscriptionsUpdated}.\n` +
            `Waiting events retried: ${report.unmatchedRetried}, still waiting: ${report.stillUnmatched}.\n`,
        );
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(`${usage}\n`);
        return 0;
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      return 64;
    }
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      return 78;
    }
    if (isAppError(error)) {
      const fields = error.fields.map((f) => `\n  ${f.field}: ${f.message}`).join('');
      process.stderr.write(`${error.message}${fields}\n`);
      return 1;
    }
    if (
      error instanceof TypeError &&
      'code' in error &&
      String(error.code).startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      return 64;
    }
    throw error;
  }
}
