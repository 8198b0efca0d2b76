/**
 * Cold render of the article page, in-process: where the time goes. Seeds the demo
 * newsroom into a fresh SQLite database, then renders an article with an empty page cache
 * many times through `app.inject` (no network), counting queries and timing each stage
 * the article route runs. Not a test: it reports figures. `npx tsx bench/cold-render.ts`;
 * `BENCH_HTTP=1` renders over loopback HTTP instead, Masthead and the client in one process;
 * `BENCH_DATABASE_URL` names an empty PostgreSQL database to use instead of SQLite.
 * Then a spike: the page purged while `BENCH_SPIKE` readers (50) ask for it at once, as when
 * a breaking story is edited, counting the renders it takes to answer them all.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { Session } from 'node:inspector/promises';
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
const spikeReaders = Number(process.env.BENCH_SPIKE ?? 50);
const spikeRounds = 40;

const queries: string[] = [];
// Counted as they run: a query compiled once is not transformed again.
const counting: KyselyPlugin = {
  transformQuery: (args: PluginTransformQueryArgs) => args.node,
  transformResult: (args) => {
    queries.push(args.queryId.queryId);
    return Promise.resolve(args.result);
  },
};

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
}

/** Self time by where the code lives (our modules by folder, libraries by package). */
function summarise(profile: {
  nodes: readonly ProfileNode[];
  samples?: readonly number[];
  timeDeltas?: readonly number[];
}): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const delta = profile.timeDeltas?.[i] ?? 0;
    const frame = byId.get(id)?.callFrame;
    // The profiler's own stop and the idle loop are not the render's.
    if (frame?.functionName === 'dispatch' || frame?.functionName === '(idle)') return;
    total += delta;
    const url = frame?.url ?? '';
    const where = url.includes('node_modules/')
      ? url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
      : url.includes('/src/')
        ? url.replace(/.*\/src\//, 'src/').replace(/\/[^/]+$/, '/')
        : url === ''
          ? (frame?.functionName ?? '') || '(native)'
          : url.replace(/^node:/, 'node:');
    self.set(where, (self.get(where) ?? 0) + delta);
  });
  const rows = [...self]
    .filter(([where]) => where !== '(idle)' && where !== 'dispatch')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 15)
    .map(([where, us]) => `  ${((us / total) * 100).toFixed(1).padStart(5)}%  ${where}`);
  return `Self time while rendering (% of the measured loop):\n${rows.join('\n')}\n`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-cold-'));
  const config = loadConfig({
    MASTHEAD_DATA_DIR: dir,
    MASTHEAD_LOG_LEVEL: 'silent',
    MASTHEAD_SITE_URL: 'http://news.test',
    // An empty PostgreSQL database instead of SQLite: BENCH_DATABASE_URL=postgres://…
    ...(process.env.BENCH_DATABASE_URL === undefined
      ? {}
      : { MASTHEAD_DATABASE_URL: process.env.BENCH_DATABASE_URL }),
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
  const posts = list.json<{ posts: { slug: string; feature_image: string | null }[] }>().posts;
  const slug = (posts.find((p) => p.feature_image !== null) ?? posts[0])?.slug;
  if (slug === undefined) throw new Error('The demo newsroom has no article.');

  // With BENCH_HTTP=1 over loopback (one kept-alive connection), else through `app.inject`.
  const overHttp = process.env.BENCH_HTTP === '1';
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const base = overHttp ? await app.listen({ host: '127.0.0.1', port: 0 }) : '';
  const spikeAgent = new http.Agent({ keepAlive: true, maxSockets: spikeReaders });
  const load = async (via = agent): Promise<{ status: number; bytes: number; miss: boolean }> => {
    if (!overHttp) {
      const response = await app.inject({ url: `/${slug}` });
      return {
        status: response.statusCode,
        bytes: response.rawPayload.length,
        miss: response.headers['x-cache'] === 'MISS',
      };
    }
    return new Promise((resolve, reject) => {
      http
        .get(`${base}/${slug}`, { agent: via }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              bytes,
              miss: response.headers['x-cache'] === 'MISS',
            }),
          );
        })
        .on('error', reject);
    });
  };
  const render = async (): Promise<{ ms: number; queries: number; bytes: number }> => {
    services.pageCache.purge(['site']);
    queries.length = 0;
    const started = process.hrtime.bigint();
    const response = await load();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200) throw new Error(`/${slug} answered ${response.status}`);
    return { ms, queries: queries.length, bytes: response.bytes };
  };
  // Warm the JIT and the prepared statements first: "cold" means the page cache, not the process.
  for (let i = 0; i < 100; i++) await render();
  const times: number[] = [];
  let last = { ms: 0, queries: 0, bytes: 0 };
  // With BENCH_PROFILE=1 a sampling profile of the loop shows where the time goes (it costs some).
  const profiling = process.env.BENCH_PROFILE === '1';
  const session = new Session();
  if (profiling) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
  }
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < samples; i++) {
    last = await render();
    times.push(last.ms);
  }
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time is what the render costs; wall time also holds waiting for a busy machine.
  const cpuMsPerRender = (cpu.user + cpu.system) / 1000 / samples;
  const profile = profiling ? (await session.post('Profiler.stop')).profile : null;
  if (profiling) session.disconnect();
  times.sort((a, b) => a - b);
  process.stdout.write(
    `Cold render of /${slug} ${overHttp ? 'over HTTP, one connection' : 'in-process'} (${samples} renders, page cache emptied before each; ${os.cpus()[0]?.model ?? 'unknown CPU'}):\n` +
      `  p50 ${percentile(times, 50).toFixed(2)} ms, p90 ${percentile(times, 90).toFixed(2)} ms, ` +
      `p99 ${percentile(times, 99).toFixed(2)} ms; CPU ${cpuMsPerRender.toFixed(2)} ms per render; ` +
      `${last.queries} queries; ${last.bytes} bytes\n`,
  );
  // The spike: purge, then every reader at once; the time until the last one is answered.
  const spikeTimes: number[] = [];
  let renders = 0;
  const spikeCpu = process.cpuUsage();
  for (let round = 0; round < spikeRounds; round++) {
    services.pageCache.purge(['site']);
    const started = process.hrtime.bigint();
    const answers = await Promise.all(Array.from({ length: spikeReaders }, () => load(spikeAgent)));
    spikeTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    renders += answers.filter((answer) => answer.miss).length;
  }
  const spikeCpuMs = process.cpuUsage(spikeCpu);
  spikeTimes.sort((a, b) => a - b);
  process.stdout.write(
    `  A purge while ${spikeReaders} readers ask at once (${spikeRounds} rounds): ${(renders / spikeRounds).toFixed(1)} renders each, ` +
      `the last reader answered after p50 ${percentile(spikeTimes, 50).toFixed(1)} ms; ` +
      `CPU ${((spikeCpuMs.user + spikeCpuMs.system) / 1000 / spikeRounds).toFixed(1)} ms per purge\n`,
  );
  spikeAgent.destroy();
  if (profile !== null) {
    process.stdout.write(summarise(profile));
    const profileFile = process.env.BENCH_PROFILE_FILE;
    if (profileFile !== undefined) writeFileSync(profileFile, JSON.stringify(profile));
  }
  agent.destroy();
  await app.close();
  await services.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
