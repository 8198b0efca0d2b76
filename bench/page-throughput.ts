/**
 * Page throughput: Masthead's cached article page against nginx serving the same bytes
 * as a static file, on loopback, with wrk. Fair by construction: Masthead with N web
 * processes against nginx with N workers (N = cores, BENCH_PROCESSES to change it), and
 * again 1 against 1; identity, gzip and brotli (nginx-light has no brotli module, so that row
 * is Masthead's alone); the page cache warm, and cold (a render from the database per
 * request). Reports requests/s, p50/p99 latency, ratios from the same run, and the CPU wrk
 * itself used (it shares the machine). Not a test: it reports figures. `npm run bench`.
 *
 * `BENCH_CAMPAIGN` says whether a fundraising campaign runs while the article is loaded:
 * `on` (the default: the demo's birthday drive, whose banner and appeal are on the page),
 * `off` (the drive is ended through the Admin API first), or `both` (the warm rows with the
 * drive on, then again with it off, in one run, with the ratio), to show what the banner and
 * the appeal cost anonymous cache throughput.
 */
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fetchResponseHead, headBytes } from '../test/support/response-head.js';

const execFileAsync = promisify(execFile);
const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const coldSamples = 200;
const campaignMode = process.env.BENCH_CAMPAIGN ?? 'on';
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
async function runWrk(url: string, encoding: Encoding, script?: string): Promise<WrkResult> {
  const timing = path.join(os.tmpdir(), `wrk-time-${process.pid}`);
  const args = [
    '-f',
    '%U %S',
    '-o',
    timing,
    'wrk',
    '-t2',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    ...(encoding === 'identity' ? [] : ['-H', `Accept-Encoding: ${encoding}`]),
    ...(script === undefined ? [] : ['-s', script]),
    url,
  ];
  const { stdout: out } = await execFileAsync('/usr/bin/time', args, { encoding: 'utf8' });
  const [user = 0, system = 0] = readFileSync(timing, 'utf8').trim().split(/\s+/).map(Number);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw errors for ${url}:\n${out}`);
  return { rps, p50, p99, wrkCpu: (user + system) / seconds };
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

/** Runs `bin/masthead.js start` (the build in dist/) as production would, on its own process. */
async function startCompiledMasthead(
  dataDir: string,
  port: number,
  webProcesses: number,
): Promise<{ stop: () => Promise<void> }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(process.execPath, [path.join(root, 'bin', 'masthead.js'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      MASTHEAD_DATA_DIR: dataDir,
      MASTHEAD_PORT: String(port),
      MASTHEAD_LOG_LEVEL: 'warn',
      MASTHEAD_ROLE: 'all',
      MASTHEAD_WEB_PROCESSES: String(webProcesses),
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
    stop: async () => {
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

async function measureColdRender(
  base: string,
  slug: string,
): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let i = 0; i < coldSamples; i++) {
    // A query string the page ignores makes a new cache key: a full render from the database.
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}/${slug}?cold=${i}`);
    await response.arrayBuffer();
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
  const cold = await measureColdRender(base, slug);
  const r = {
    identity: await runWrk(pageUrl, 'identity'),
    nginxIdentity: await runWrk(staticUrl, 'identity'),
    gzip: await runWrk(pageUrl, 'gzip'),
    nginxGzip: await runWrk(staticUrl, 'gzip'),
    br: await runWrk(pageUrl, 'br'),
  };
  // Cold under load: a new query string per request, so every request renders from the database.
  const coldScript = path.join(dir, 'cold.lua');
  writeFileSync(
    coldScript,
    'local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format(nil, wrk.path .. "?cold=" .. n)\nend\n',
  );
  const coldLoad = await runWrk(pageUrl, 'gzip', coldScript);
  // The same warm rows again with the campaign ended, back to back with the rows above.
  const without: string[] = [];
  if (token !== null && campaignMode === 'both') {
    await switchCampaign(base, token, false, slug, n);
    await warm();
    const plainBytes = (await (await fetch(pageUrl)).arrayBuffer()).byteLength;
    const off = {
      identity: await runWrk(pageUrl, 'identity'),
      gzip: await runWrk(pageUrl, 'gzip'),
    };
    without.push(
      `  Without the campaign (article ${plainBytes} bytes):`,
      row('  Masthead, warm, identity', off.identity),
      row('  Masthead, warm, gzip', off.gzip),
      `  Campaign on ÷ off: identity ${ratio(r.identity, off.identity)}, gzip ${ratio(r.gzip, off.gzip)}`,
    );
  }
  stopNginx();
  await running.stop();
  const label = `${n} web process${n === 1 ? '' : 'es'} vs ${n} nginx worker${n === 1 ? '' : 's'}`;
  return [
    `${label} — article ${bytes.length} bytes (${campaignState}), ${connections} connections, ${seconds} s each`,
    row('  Masthead, warm, identity', r.identity),
    row('  nginx static, identity', r.nginxIdentity),
    row('  Masthead, warm, gzip', r.gzip),
    row('  nginx static, gzip', r.nginxGzip),
    row('  Masthead, warm, brotli', r.br),
    row('  Masthead, cold (every request renders)', coldLoad),
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
