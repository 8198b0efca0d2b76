/**
 * Page throughput: Masthead's cached article page against nginx serving the same bytes
 * as a static file, on loopback, with wrk. Fair by construction: Masthead with N web
 * processes against nginx with N workers (N = cores, BENCH_PROCESSES to change it), and
 * again 1 against 1; identity, gzip and brotli (nginx-light has no brotli module, so that row
 * is Masthead's alone); the page cache warm, and cold (the page cache turned off, a render
 * from the database per request). Reports requests/s, p50/p99 latency, ratios from the same run, and the CPU wrk
 * itself used (it shares the machine). Not a test: it reports figures. `npm run bench`.
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
import { execFile, execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { fetchResponseHead, headBytes } from '../test/support/response-head.js';

const execFileAsync = promisify(execFile);
const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const coldSamples = 200;
const warmUpSeconds = 5;
const narrateDuring = process.env.BENCH_NARRATE === '1';
const campaignMode = process.env.BENCH_CAMPAIGN ?? 'on';
/** With `BENCH_CAMPAIGN=both`: how many times the rows go off and on again after the first. */
const campaignRounds = Number(process.env.BENCH_CAMPAIGN_ROUNDS ?? 2);
if (!['on', 'off', 'both'].includes(campaignMode)) {
  throw new Error(`BENCH_CAMPAIGN is on, off or both, not "${campaignMode}".`);
}

function ensureTools(): void {
  const missing = ['wrk', 'nginx'].filter(
    (tool) =>
      spawnSync('sh', ['-c', `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0,
  );
  if (missing.length === 0) return;
  process.stdout.write(`Installing ${missing.join(', ')} from Debian…\n`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync(
    'apt-get',
    ['install', '-y', '-qq', ...missing.map((t) => (t === 'nginx' ? 'nginx-light' : t))],
    { stdio: 'inherit' },
  );
}

interface WrkResult {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU seconds wrk used per second of the run (2 = two cores busy). */
  readonly wrkCpu: number;
}

type Encoding = 'identity' | 'gzip' | 'br';

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (match === null) return Number.NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

/** Runs wrk (under /usr/bin/time, for its own CPU use) without blocking this process. */
async function runWrk(url: string, encoding: Encoding, duration = seconds): Promise<WrkResult> {
  const timing = path.join(os.tmpdir(), `wrk-time-${process.pid}`);
  const args = [
    '-f',
    '%U %S',
    '-o',
    timing,
    'wrk',
    '-t2',
    `-c${connections}`,
    `-d${duration}s`,
    '--latency',
    ...(encoding === 'identity' ? [] : ['-H', `Accept-Encoding: ${encoding}`]),
    url,
  ];
  const { stdout: out } = await execFileAsync('/usr/bin/time', args, { encoding: 'utf8' });
  const [user = 0, system = 0] = readFileSync(timing, 'utf8').trim().split(/\s+/).map(Number);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw errors for ${url}:\n${out}`);
  return { rps, p50, p99, wrkCpu: (user + system) / duration };
}

async function startNginx(root: string, port: number, workers: number): Promise<() => void> {
  const conf = path.join(root, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes ${workers};
daemon off;
pid ${root}/nginx.pid;
error_log ${root}/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path ${root}/tmp;
  proxy_temp_path ${root}/tmp;
  fastcgi_temp_path ${root}/tmp;
  uwsgi_temp_path ${root}/tmp;
  scgi_temp_path ${root}/tmp;
  gzip on;
  gzip_types text/html;
  server {
    listen 127.0.0.1:${port};
    root ${root}/www;
    location / { try_files $uri =404; }
  }
}
`,
  );
  const nginx = spawn(
    existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx',
    ['-c', conf, '-e', `${root}/error.log`],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 50; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/article.html`).catch(() => null))?.ok === true)
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return () => nginx.kill('SIGQUIT');
}

const mastheadBin = fileURLToPath(new URL('../bin/masthead.js', import.meta.url));

function mastheadEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_LOG_LEVEL: 'warn' };
}

/**
 * Waits until the demo's narrations, asked for at start, are made: until then the worker
 * is narrating, and the figures would measure that too. Reads the counts from the database
 * (read-only, no process per poll to compete with the narration); gives up if Masthead
 * exits or the narrations take longer than `limitMs`. Says how long it waited.
 */
async function waitForNarrations(
  dataDir: string,
  running: RunningMasthead,
  limitMs = 20 * 60_000,
): Promise<number> {
  const started = Date.now();
  const database = new Database(path.join(dataDir, 'masthead.db'), { readonly: true });
  try {
    const unfinished = database.prepare(
      "SELECT count(*) AS count FROM narrations WHERE status IN ('queued', 'generating', 'retrying')",
    );
    for (;;) {
      const { count } = unfinished.get() as { count: number };
      if (count === 0) return (Date.now() - started) / 1000;
      if (running.exitCode() !== null) {
        throw new Error(
          `Masthead exited (${String(running.exitCode())}) with ${count} narrations unmade.`,
        );
      }
      if (Date.now() - started > limitMs) {
        throw new Error(`${count} narrations still unmade after ${limitMs / 60_000} minutes.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } finally {
    database.close();
  }
}

/**
 * Narrates every article again and again in another process (`masthead narration run
 * --all`, the local engine in its worker thread) until stopped; collects what each round
 * reports ("… s per minute of audio").
 */
function narrateUntilStopped(dataDir: string): { stop: () => Promise<string[]> } {
  const reports: string[] = [];
  // Changed by `stop` while the loop awaits: an object, so the loop reads it afresh.
  const state: { stopped: boolean; current: ChildProcess | null } = {
    stopped: false,
    current: null,
  };
  const loop = (async () => {
    while (!state.stopped) {
      const child = spawn(process.execPath, [mastheadBin, 'narration', 'run', '--all'], {
        env: mastheadEnv(dataDir),
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      state.current = child;
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await new Promise((resolve) => child.once('exit', resolve));
      const made = /^Made .*$/m.exec(output)?.[0];
      if (made !== undefined) {
        reports.push(`${made} (load average ${os.loadavg()[0]?.toFixed(1) ?? '?'})`);
      }
    }
  })();
  return {
    stop: async () => {
      state.stopped = true;
      state.current?.kill('SIGTERM');
      await loop;
      return reports;
    },
  };
}

interface RunningMasthead {
  /** Null while it runs; its exit code (or signal) once it has exited. */
  exitCode(): number | string | null;
  stop(): Promise<void>;
}

/** Runs `bin/masthead.js start` (the build in dist/) as production would, on its own process. */
async function startCompiledMasthead(
  dataDir: string,
  port: number,
  webProcesses: number,
  pageCacheMegabytes = 256,
): Promise<RunningMasthead> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, [path.join(root, 'bin', 'masthead.js'), 'start'], {
    cwd: root,
    env: {
      ...mastheadEnv(dataDir),
      MASTHEAD_PORT: String(port),
      MASTHEAD_ROLE: 'all',
      MASTHEAD_WEB_PROCESSES: String(webProcesses),
      MASTHEAD_PAGE_CACHE_MB: String(pageCacheMegabytes),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Masthead did not start:\n${output}`)),
      400_000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Masthead is serving')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`Masthead exited with ${String(code)}:\n${output}`)),
    );
  });
  return {
    exitCode: () => child.exitCode ?? child.signalCode,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** An administrator's API token, made by the CLI against the bench's database. */
function createAdminToken(dataDir: string): string {
  const root = fileURLToPath(new URL('..', import.meta.url));
  return execFileSync(
    process.execPath,
    [
      path.join(root, 'bin', 'masthead.js'),
      'token',
      'create',
      '--name',
      'bench',
      '--role',
      'administrator',
    ],
    { cwd: root, env: { ...process.env, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_LOG_LEVEL: 'warn' } },
  )
    .toString()
    .trim();
}

const hasCampaign = (html: string): boolean =>
  html.includes('data-campaign-placement="banner"') &&
  html.includes('data-campaign-placement="appeal"');

/**
 * Runs the demo's campaign now, or ends it (its window moved into the past), through the
 * Admin API; then waits until every web process serves the article with the banner and
 * the appeal, or without them.
 */
async function switchCampaign(
  base: string,
  token: string,
  running: boolean,
  slug: string,
  processes: number,
): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const { campaigns } = (await (
    await fetch(`${base}/api/admin/campaigns`, { headers })
  ).json()) as {
    campaigns: Record<string, unknown>[];
  };
  const campaign = campaigns[0];
  if (campaign === undefined) throw new Error('The demo newsroom has no campaign.');
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const fields = [
    'name',
    'slug',
    'goal_kind',
    'goal_target',
    'stretch_target',
    'at_goal',
    'currency',
    'section_slugs',
    'ask_audiences',
    'thanks_headline',
    'thanks_body',
    'cap_views',
    'cap_days',
  ];
  const body = {
    ...Object.fromEntries(fields.map((name) => [name, campaign[name]])),
    starts_at: new Date(now - (running ? 10 : 2) * day).toISOString(),
    ends_at: new Date(now + (running ? 20 : -1) * day).toISOString(),
  };
  const put = await fetch(`${base}/api/admin/campaigns/${String(campaign.id)}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(body),
  });
  if (!put.ok) throw new Error(`Switching the campaign failed: ${put.status} ${await put.text()}`);
  // Each process keeps the running campaign for a few seconds: ask until all agree.
  let agreeing = 0;
  while (agreeing < processes * 4) {
    const html = await (
      await fetch(`${base}/${slug}`, { headers: { connection: 'close' } })
    ).text();
    agreeing = hasCampaign(html) === running ? agreeing + 1 : 0;
    if (agreeing === 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Sequential requests to a Masthead whose page cache is off: each one a render from the database. */
async function measureColdRender(
  base: string,
  slug: string,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < coldSamples + 50; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}/${slug}`);
    await response.arrayBuffer();
    if (response.headers.get('x-cache') === 'HIT') throw new Error('A cold request hit the cache.');
    // The first requests warm the JIT and the statement cache: "cold" means the page cache.
    if (i < 50) continue;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

const row = (name: string, r: WrkResult): string =>
  `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   wrk CPU ${r.wrkCpu.toFixed(2)}`;

const ratio = (a: WrkResult, b: WrkResult): string => `${(a.rps / b.rps).toFixed(2)}×`;

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
  // Unmeasured: the first seconds after a start measure the processes' warm-up, not the server.
  await runWrk(pageUrl, 'identity', warmUpSeconds);
  await runWrk(staticUrl, 'identity', warmUpSeconds);
  const r = {
    identity: await runWrk(pageUrl, 'identity'),
    nginxIdentity: await runWrk(staticUrl, 'identity'),
    gzip: await runWrk(pageUrl, 'gzip'),
    nginxGzip: await runWrk(staticUrl, 'gzip'),
    br: await runWrk(pageUrl, 'br'),
  };
  const narrated = (await narration?.stop()) ?? [];
  // The same warm rows with the campaign ended and running again, alternating (on, off,
  // on, off, on), so a drift of the machine over the run falls on both sides instead of
  // passing for the campaign's cost; the ratio is of the medians.
  const without: string[] = [];
  if (token !== null && campaignMode === 'both') {
    const warmRows = async () => ({
      identity: await runWrk(pageUrl, 'identity'),
      gzip: await runWrk(pageUrl, 'gzip'),
    });
    const on = [{ identity: r.identity, gzip: r.gzip }];
    const off: (typeof on)[number][] = [];
    let plainBytes = 0;
    for (let round = 0; round < campaignRounds; round += 1) {
      await switchCampaign(base, token, false, slug, n);
      await warm();
      plainBytes = (await (await fetch(pageUrl)).arrayBuffer()).byteLength;
      off.push(await warmRows());
      await switchCampaign(base, token, true, slug, n);
      await warm();
      on.push(await warmRows());
    }
    const median = (rows: readonly WrkResult[]): number => {
      const sorted = rows.map((row) => row.rps).sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 === 1
        ? (sorted[middle] ?? 0)
        : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    };
    const figures = (rows: readonly WrkResult[]) =>
      rows.map((row) => row.rps.toFixed(0)).join(', ');
    const onIdentity = on.map((x) => x.identity);
    const offIdentity = off.map((x) => x.identity);
    const onGzip = on.map((x) => x.gzip);
    const offGzip = off.map((x) => x.gzip);
    without.push(
      `  Campaign on and off alternating (article ${bytes.length} vs ${plainBytes} bytes), req/s:`,
      `    identity on: ${figures(onIdentity)}; off: ${figures(offIdentity)}`,
      `    gzip     on: ${figures(onGzip)}; off: ${figures(offGzip)}`,
      `  Campaign on ÷ off (medians): identity ${(median(onIdentity) / median(offIdentity)).toFixed(2)}×, gzip ${(median(onGzip) / median(offGzip)).toFixed(2)}×`,
    );
  }
  stopNginx();
  await running.stop();
  // Cold: the same build with its page cache off, so every request renders from the database.
  const uncached = await startCompiledMasthead(dataDir, port, n, 0);
  const cold = await measureColdRender(base, slug);
  await runWrk(pageUrl, 'gzip', warmUpSeconds);
  const coldLoad = await runWrk(pageUrl, 'gzip');
  await uncached.stop();
  const label = `${n} web process${n === 1 ? '' : 'es'} vs ${n} nginx worker${n === 1 ? '' : 's'}`;
  return [
    `${label} — article ${bytes.length} bytes (${campaignState}), ${connections} connections, ${seconds} s each`,
    `  Waited ${waited.toFixed(0)} s for the demo's narrations; ${narrateDuring ? 'narrating every article again all through (BENCH_NARRATE=1)' : 'no narration while measuring'}; load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at the end`,
    ...narrated.map((line) => `  Narration round: ${line}`),
    row('  Masthead, warm, identity', r.identity),
    row('  nginx static, identity', r.nginxIdentity),
    row('  Masthead, warm, gzip', r.gzip),
    row('  nginx static, gzip', r.nginxGzip),
    row('  Masthead, warm, brotli', r.br),
    row('  Masthead, cold (page cache off), gzip', coldLoad),
    `  Ratio identity ${ratio(r.identity, r.nginxIdentity)}, gzip ${ratio(r.gzip, r.nginxGzip)} (nginx-light has no brotli)`,
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
    `Machine: ${os.availableParallelism()} cores, load average ${os.loadavg()[0]?.toFixed(1) ?? '?'} at start; wrk runs on the same cores.`,
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
