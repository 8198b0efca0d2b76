/**
 * A newsletter send against DESIGN.md's budget: 100,000 recipients handed to a local SMTP
 * server at 1,000+ messages a second.
 *
 * Makes a SQLite database in a temporary folder, writes 100,000 confirmed subscribers and
 * one issue, starts an SMTP server in a child process, and runs the job worker (in this
 * process, with the pooled SMTP transport) until the send is done. Reports messages per
 * second from the start of the send to the last submission, the worker's peak resident
 * memory, and how many messages the server accepted. Run with `npm run bench:newsletter`
 * (`-- 20000` for a shorter run).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemActor } from '../src/features/staff/actor.js';
import { createServices } from '../src/main/services.js';
import { createWorker } from '../src/main/worker.js';
import { toTimestamp } from '../src/platform/clock.js';
import { newId } from '../src/platform/ids.js';
import { createLogger } from '../src/platform/logger.js';

const recipients = Number(process.argv[2] ?? 100_000);
const budget = 1_000;

const sinkScript = fileURLToPath(new URL('./smtp-sink.ts', import.meta.url));
const sink = spawn(process.execPath, ['--import', 'tsx', sinkScript], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
const lines = createInterface({ input: sink.stdout });
const waiting: ((line: string) => void)[] = [];
lines.on('line', (line) => waiting.shift()?.(line));
const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
const smtpUrl = (await nextLine()).split(' ')[1] ?? '';
const sinkCount = async (): Promise<number> => {
  const answer = nextLine();
  sink.stdin.write('count\n');
  return Number((await answer).split(' ')[1]);
};

const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-newsletter-'));
const config = loadConfig({
  MASTHEAD_DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`,
  MASTHEAD_DATA_DIR: dir,
  MASTHEAD_SITE_URL: 'https://news.example',
  MASTHEAD_DEMO: 'false',
  MASTHEAD_SMTP_URL: smtpUrl,
  MASTHEAD_LOG_LEVEL: 'warn',
  // The pool size to try, as a deployment would set it (the default when unset).
  ...(process.env.MASTHEAD_SMTP_POOL === undefined
    ? {}
    : { MASTHEAD_SMTP_POOL: process.env.MASTHEAD_SMTP_POOL }),
});
const services = createServices({ config, logger: createLogger('warn') });
try {
  await migrateToLatest(services.database.db);
  const db = services.database.db;
  const newsletter = await services.newsletters.newsletters.createNewsletter(systemActor, {
    slug: 'daily-briefing',
    name: 'Daily Briefing',
    senderName: 'The Desk',
  });
  const now = toTimestamp(new Date());
  for (let start = 0; start < recipients; start += 500) {
    const rows = Array.from({ length: Math.min(500, recipients - start) }, (_, i) => ({
      id: newId(),
      email: `reader-${start + i}@example.com`,
      created_at: now,
      updated_at: now,
    }));
    await db.insertInto('newsletter_subscribers').values(rows).execute();
    await db
      .insertInto('newsletter_subscriptions')
      .values(
        rows.map((row) => ({
          subscriber_id: row.id,
          newsletter_id: newsletter.id,
          status: 'confirmed',
          source: 'import',
          created_at: now,
          confirmed_at: now,
          ended_at: null,
        })),
      )
      .execute();
  }
  const issue = await services.newsletters.issues.createIssue(systemActor, {
    newsletterId: newsletter.id,
    subject: 'The morning news',
    body: {
      format: 'markdown',
      text: '## Today\n\nThe bridge reopened on **Monday** after two years. [Read the story](/bridge-reopens).\n\n- Trams run again\n- Traffic eases\n\n> "We waited long enough," said a commuter.',
    },
  });

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const worker = createWorker(services);
  const started = performance.now();
  await services.newsletters.issues.sendIssue(systemActor, issue.id, null);
  for (;;) {
    const { issue: current } = await services.newsletters.issues.getIssue(systemActor, issue.id);
    if (current.status === 'sent') break;
    if ((await worker.runDue()) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const accepted = await sinkCount();
  const rate = recipients / seconds;
  const { progress } = await services.newsletters.issues.getIssue(systemActor, issue.id);
  process.stdout.write(
    [
      `Newsletter send: ${recipients.toLocaleString('en')} recipients in ${seconds.toFixed(1)} s`,
      `  ${Math.round(rate).toLocaleString('en')} messages/s (budget ${budget.toLocaleString('en')}: ${rate >= budget ? 'met' : 'NOT met'})`,
      `  SMTP connections in the pool: ${config.smtpPool}`,
      `  peak resident memory of the sending process: ${Math.round(peakRss / 1024 / 1024)} MiB`,
      `  load average at the end (1, 5, 15 min; ${os.cpus().length} cores): ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(', ')}`,
      `  accepted by the SMTP server: ${accepted.toLocaleString('en')}; submitted ${progress.submitted}, failed ${progress.failed}`,
      '',
    ].join('\n'),
  );
} finally {
  await services.close();
  sink.stdin.end();
  rmSync(dir, { recursive: true, force: true });
}
