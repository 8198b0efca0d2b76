/**
 * Cold render of the article page, in-process: where the time goes. Seeds the demo
 * newsroom into a fresh SQLite database, then renders an article with an empty page cache
 * many times through `app.inject` (no network), counting queries and timing each stage
 * the article route runs. Not a test: it reports figures. `npx tsx bench/cold-render.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KyselyPlugin, PluginTransformQueryArgs } from 'kysely';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/main/app.js';
import { prepareDatabase } from '../src/main/server.js';
import { createServices } from '../src/main/services.js';
import { createLogger } from '../src/platform/logger.js';

const samples = Number(process.env.BENCH_SAMPLES ?? 400);

const queries: string[] = [];
const counting: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs) => {
    queries.push(args.node.kind);
    return args.node;
  },
  transformResult: (args) => Promise.resolve(args.result),
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-cold-'));
  const config = loadConfig({
    MASTHEAD_DATA_DIR: dir,
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_SITE_URL: 'http://news.test',
  });
  const handle = openDatabase(config.databaseUrl);
  const services = createServices({
    config,
    logger: createLogger('silent'),
    database: { ...handle, db: handle.db.withPlugin(counting) },
  });
  await prepareDatabase(services, config);
  const app = await buildApp(services);
  const list = await app.inject({ url: '/api/content/posts?limit=20' });
  const posts = (list.json() as { posts: { slug: string; feature_image: string | null }[] }).posts;
  const slug = (posts.find((p) => p.feature_image !== null) ?? posts[0])?.slug;
  if (slug === undefined) throw new Error('The demo newsroom has no article.');

  const render = async (): Promise<{ ms: number; queries: number; bytes: number }> => {
    services.pageCache.purge(['site']);
    queries.length = 0;
    const started = process.hrtime.bigint();
    const response = await app.inject({ url: `/${slug}` });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.statusCode !== 200) throw new Error(`/${slug} answered ${response.statusCode}`);
    return { ms, queries: queries.length, bytes: response.rawPayload.length };
  };
  // Warm the JIT and the prepared statements first: "cold" means the page cache, not the process.
  for (let i = 0; i < 100; i++) await render();
  const times: number[] = [];
  let last = { ms: 0, queries: 0, bytes: 0 };
  for (let i = 0; i < samples; i++) {
    last = await render();
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  process.stdout.write(
    `Cold render of /${slug} in-process (${samples} renders, page cache emptied before each):\n` +
      `  p50 ${percentile(times, 50).toFixed(2)} ms, p90 ${percentile(times, 90).toFixed(2)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(2)} ms; ${last.queries} queries; ${last.bytes} bytes\n`,
  );
  await app.close();
  await services.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
