/**
 * Page throughput: Masthead's cached article page against nginx serving the same bytes
 * as a static file, on loopback, with wrk. Fair by construction: Masthead with N web
 * processes against nginx with N workers (N = cores, BENCH_PROCESSES to change it), and
 * again 1 against 1; identity, gzip and brotli (nginx-light has no brotli module, so that row
 * is Masthead's alone); the page cache warm, and cold (the page cache turned off, a render
 * from the database per request). The warm rows run `BENCH_ROUNDS` times (3 unless set),
 * Masthead and nginx in turns, and every figure is the median of the rounds. Reports
 * requests/s, p50/p99 latency, ratios from the same run, the CPU wrk itself used (it shares
 * the machine) and the CPU Masthead's processes used per request. Not a test: it reports
 * figures. A bare node:http server answering the same bytes from memory is measured beside
 * them, Node's own ceiling for the identity row. `npm run bench`.
 * It measures after the demo's own narrations are made; `BENCH_NARRATE=1` narrates every
 * article again, on the local engine, all through the measurements, to show what narrating
 * in the background costs readers.
 *
 * `BENCH_CAMPAIGN` says whether a fundraising campaign runs while the article is loaded:
 * `on` (the default: the demo's birthday drive, whose banner and appeal are on the page),
 * `off` (the drive is ended through the Admin API first), or `both` (the warm rows with the
 * drive on, then off and on again `BENCH_CAMPAIGN_ROUNDS` times (2 unless set), alternating,
 * with the ratio of the medians), to show what the banner and the appeal cost anonymous
 * cache throughput.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { fetchResponseHead, headBytes } from '../test/support/response-head.js';
import { hasCampaign, switchCampaign } from './campaign-switch.js';
import {
  createAdminToken,
  narrateUntilStopped,
  startCompiledMasthead,
  waitForNarrations,
} from './masthead-process.js';
import { pageHeaders, startBareNode } from './bare-node.js';
import { startNginx } from './nginx.js';
import { campaignRows } from './campaign-rows.js';
import { treeCpuSeconds } from './process-cpu.js';
import { ensureTools, median, medianResult, runWrk, type Encoding, type WrkResult } from './wrk.js';

const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const coldSamples = 200;
const warmUpSeconds = 5;
/** How many times the warm rows run, Masthead and nginx in turns. */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const narrateDuring = process.env.BENCH_NARRATE === '1';
const campaignMode = process.env.BENCH_CAMPAIGN ?? 'on';
if (!['on', 'off', 'both'].includes(campaignMode)) {
  throw new Error(`BENCH_CAMPAIGN is on, off or both, not "${campaignMode}".`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** One GET on a kept-alive connection, read to the end: the x-cache header it carried. */
function getPage(url: string, agent: http.Agent): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.headers['x-cache']?.toString()));
      })
      .on('error', reject);
  });
}

/**
 * Sequential requests to a Masthead whose page cache is off: each one a render from the
 * database. node:http on one kept-alive connection, the lightest client Node has, so the
 * figure is the server's more than the client's.
 */
async function measureColdRender(
  base: string,
  slug: string,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < coldSamples + 50; i++) {
    const started = process.hrtime.bigint();
    if ((await getPage(`${base}/${slug}`, agent)) === 'HIT') {
      throw new Error('A cold request hit the cache.');
    }
    // The first requests warm the JIT and the statement cache: "cold" means the page cache.
    if (i < 50) continue;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  agent.destroy();
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const row = (name: string, r: WrkResult): string =>
  `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   wrk CPU ${r.wrkCpu.toFixed(2)}${Number.isNaN(r.serverCpuUs) ? '' : `   server CPU ${r.serverCpuUs.toFixed(1)} µs/req`}`;

/** One round of a row: Masthead's run and nginx's, back to back. */
interface Pair {
  readonly masthead: WrkResult;
  readonly nginx: WrkResult;
}

/** The median of the rounds' ratios, with each round's. */
const ratios = (pairs: readonly Pair[]): string => {
  const each = pairs.map((pair) => pair.masthead.rps / pair.nginx.rps);
  return `${median(each).toFixed(2)}× (rounds ${each.map((r) => r.toFixed(2)).join(', ')})`;
};

/** The ratio of the medians of two sets of runs. */
const bareRatio = (a: readonly WrkResult[], b: readonly WrkResult[]): string =>
  `${(median(a.map((r) => r.rps)) / median(b.map((r) => r.rps))).toFixed(2)}×`;

/** One side by side: Masthead with `n` web processes, nginx with `n` workers. */
async function compare(n: number, dir: string): Promise<string[]> {
  const port = 2400 + Math.floor(Math.random() * 500);
  const dataDir = path.join(dir, 'data');
  const running = await startCompiledMasthead(dataDir, port, n);
  const base = `http://127.0.0.1:${port}`;
  const list = (await (await fetch(`${base}/api/content/posts?limit=1`)).json()) as {
    posts: { slug: string }[];
  };
  const slug = list.posts[0]?.slug;
  if (slug === undefined) throw new Error('The demo newsroom has no article.');
  const waited = await waitForNarrations(dataDir, running);
  const narration = narrateDuring ? narrateUntilStopped(dataDir) : null;
  const token = campaignMode === 'on' ? null : createAdminToken(dataDir);
  if (token !== null && campaignMode === 'off') await switchCampaign(base, token, false, slug, n);
  // Every web process renders it once, so each answers from its page cache.
  const warm = async () => {
    for (let i = 0; i < n * 4; i++)
      await (await fetch(`${base}/${slug}`, { headers: { connection: 'close' } })).arrayBuffer();
  };
  await warm();
  const bytes = Buffer.from(await (await fetch(`${base}/${slug}`)).arrayBuffer());
  const campaignState = hasCampaign(bytes.toString()) ? 'campaign on' : 'no campaign';
  execFileSync('mkdir', ['-p', path.join(dir, 'www'), path.join(dir, 'tmp')]);
  // nginx's workers drop root; they must be able to read the file.
  execFileSync('chmod', ['755', dir, path.join(dir, 'www')]);
  writeFileSync(path.join(dir, 'www', 'article.html'), bytes, { mode: 0o644 });
  const stopNginx = await startNginx(dir, port + 1, n);
  const pageUrl = `${base}/${slug}`;
  const staticUrl = `http://127.0.0.1:${port + 1}/article.html`;
  const cachedHead = await fetchResponseHead(pageUrl, { 'Accept-Encoding': 'gzip' });
  const bareServer = await startBareNode(
    dir,
    port + 2,
    n,
    path.join(dir, 'www', 'article.html'),
    pageHeaders(await fetchResponseHead(pageUrl)),
  );
  const bareUrl = `http://127.0.0.1:${port + 2}/`;
  const bareNode = () =>
    runWrk(bareUrl, 'identity', seconds, {
      connections,
      serverCpuSeconds: () => treeCpuSeconds(bareServer.pid),
    });
  const serverCpuSeconds = () => treeCpuSeconds(running.pid);
  const masthead = (encoding: Encoding) =>
    runWrk(pageUrl, encoding, seconds, { connections, serverCpuSeconds });
  const nginx = (encoding: Encoding) => runWrk(staticUrl, encoding, seconds, { connections });
  // Unmeasured: the first seconds after a start measure the processes' warm-up, not the server.
  await runWrk(pageUrl, 'identity', warmUpSeconds);
  await runWrk(staticUrl, 'identity', warmUpSeconds);
  await runWrk(bareUrl, 'identity', warmUpSeconds);
  // Masthead and nginx in turns, each round starting with the other one, so a drift of the
  // machine falls on both; every figure is the median of the rounds.
  const runs = {
    identity: [] as Pair[],
    gzip: [] as Pair[],
    br: [] as WrkResult[],
    bare: [] as WrkResult[],
  };
  for (let round = 0; round < rounds; round += 1) {
    for (const encoding of ['identity', 'gzip'] as const) {
      runs[encoding].push(
        round % 2 === 0
          ? { masthead: await masthead(encoding), nginx: await nginx(encoding) }
          : { nginx: await nginx(encoding), masthead: await masthead(encoding) },
      );
    }
    runs.br.push(await masthead('br'));
    runs.bare.push(await bareNode());
  }
  const narrated = (await narration?.stop()) ?? [];
  const without: string[] = [];
  if (token !== null && campaignMode === 'both') {
    without.push(
      ...(await campaignRows({
        base,
        token,
        slug,
        processes: n,
        bytes: bytes.length,
        on: {
          identity: runs.identity.map((pair) => pair.masthead),
          gzip: runs.gzip.map((pair) => pair.masthead),
        },
        warm,
        measure: masthead,
      })),
    );
  }
  stopNginx();
  bareServer.stop();
  await running.stop();
  // Cold: the same build with its page cache off, so every request renders from the database.
  const uncached = await startCompiledMasthead(dataDir, port, n, 0);
  const cold = await measureColdRender(base, slug);
  await runWrk(pageUrl, 'gzip', warmUpSeconds);
  const coldLoad = await runWrk(pageUrl, 'gzip', seconds, { connections });
  await uncached.stop();
  const label = `${n} web process${n === 1 ? '' : 'es'} vs ${n} nginx worker${n === 1 ? '' : 's'}`;
  return [
    `${label} — article ${bytes.length} bytes (${campaignState}), ${connections} connections, ${rounds} rounds of ${seconds} s each`,
    `  Waited ${waited.toFixed(0)} s for the demo's narrations; ${narrateDuring ? 'narrating every article again all through (BENCH_NARRATE=1)' : 'no narration while measuring'}; load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end`,
    ...narrated.map((line) => `  Narration round: ${line}`),
    row('  Masthead, warm, identity', medianResult(runs.identity.map((p) => p.masthead))),
    row('  nginx static, identity', medianResult(runs.identity.map((p) => p.nginx))),
    row('  Masthead, warm, gzip', medianResult(runs.gzip.map((p) => p.masthead))),
    row('  nginx static, gzip', medianResult(runs.gzip.map((p) => p.nginx))),
    row('  Masthead, warm, brotli', medianResult(runs.br)),
    row('  bare node:http, same bytes, identity', medianResult(runs.bare)),
    row('  Masthead, cold (page cache off), gzip', coldLoad),
    `  Ratio identity ${ratios(runs.identity)}, gzip ${ratios(runs.gzip)} (nginx-light has no brotli)`,
    `  Node's ceiling: bare node:http ÷ nginx, identity ${bareRatio(
      runs.bare,
      runs.identity.map((p) => p.nginx),
    )}; Masthead ÷ bare node:http ${bareRatio(
      runs.identity.map((p) => p.masthead),
      runs.bare,
    )}`,
    `  Cold render over HTTP (cache empty, ${coldSamples} sequential requests): p50 ${cold.p50.toFixed(2)} ms, p99 ${cold.p99.toFixed(2)} ms`,
    `  Response headers of the cached article: ${headBytes(cachedHead)} bytes`,
    ...without,
    '',
  ];
}

async function main(): Promise<void> {
  ensureTools();
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (process.env.BENCH_NO_BUILD !== '1') {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  }
  const cores = Number(process.env.BENCH_PROCESSES ?? os.availableParallelism());
  const lines: string[] = [
    `Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus()[0]?.speed ?? '?'} MHz), load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at start; wrk runs on the same cores.`,
    '',
  ];
  for (const n of cores === 1 ? [1] : [cores, 1]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
    try {
      lines.push(...(await compare(n, dir)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    process.stdout.write(lines.splice(0).join('\n') + '\n');
  }
  process.stdout.write(
    'Targets: N vs N identity ≥ 0.5×, gzip ≥ 1×; 1 vs 1 identity ≥ 0.7×; p99 < 25 ms.\n',
  );
}

await main();
