/**
 * Page throughput: Masthead's cached article page against nginx serving the same bytes
 * as a static file, on loopback, with wrk. Reports requests/s, p50/p99 latency, the
 * Masthead/nginx ratio (identity and gzip), and the cold-render time of the article page.
 * Not a test: it reports figures. Run with `npm run bench`.
 */
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { fetchResponseHead, headBytes } from '../test/support/response-head.js';

const execFileAsync = promisify(execFile);
const connections = 50;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const coldSamples = 200;

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
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (match === null) return Number.NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

/** Runs wrk without blocking this process: Masthead answers from the same event loop. */
async function runWrk(url: string, gzip: boolean): Promise<WrkResult> {
  const args = [
    '-t2',
    `-c${connections}`,
    `-d${seconds}s`,
    '--latency',
    ...(gzip ? ['-H', 'Accept-Encoding: gzip'] : []),
    url,
  ];
  const { stdout: out } = await execFileAsync('wrk', args, { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw errors for ${url}:\n${out}`);
  return { rps, p50, p99 };
}

async function startNginx(root: string, port: number): Promise<() => void> {
  const conf = path.join(root, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
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
): Promise<{ stop: () => Promise<void> }> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
  const child = spawn(process.execPath, [path.join(root, 'bin', 'masthead.js'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      MASTHEAD_DATA_DIR: dataDir,
      MASTHEAD_PORT: String(port),
      MASTHEAD_LOG_LEVEL: 'warn',
      MASTHEAD_ROLE: 'all',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`Masthead did not start:\n${output}`)),
      180_000,
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
  `${name.padEnd(26)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms`;

async function main(): Promise<void> {
  ensureTools();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
  const port = 2400 + Math.floor(Math.random() * 500);
  const config = { dataDir: path.join(dir, 'data') };
  process.stdout.write(
    'Starting Masthead (compiled, in its own process) with the demo newsroom…\n',
  );
  const running = await startCompiledMasthead(config.dataDir, port);
  const base = `http://127.0.0.1:${port}`;
  const list = (await (await fetch(`${base}/api/content/posts?limit=1`)).json()) as {
    posts: { slug: string }[];
  };
  const slug = list.posts[0]?.slug;
  if (slug === undefined) throw new Error('The demo newsroom has no article.');

  const bytes = Buffer.from(await (await fetch(`${base}/${slug}`)).arrayBuffer());
  execFileSync('mkdir', ['-p', path.join(dir, 'www'), path.join(dir, 'tmp')]);
  // nginx's workers drop root; they must be able to read the file.
  execFileSync('chmod', ['755', dir, path.join(dir, 'www')]);
  writeFileSync(path.join(dir, 'www', 'article.html'), bytes, { mode: 0o644 });
  const nginxPort = port + 1;
  const stopNginx = await startNginx(dir, nginxPort);

  // Asked again, the article comes from the page cache: these are the headers every hit carries.
  const cachedHead = await fetchResponseHead(`${base}/${slug}`, { 'Accept-Encoding': 'gzip' });
  const cold = await measureColdRender(base, slug);
  const pageUrl = `${base}/${slug}`;
  const staticUrl = `http://127.0.0.1:${nginxPort}/article.html`;
  process.stdout.write(
    `Article page: ${bytes.length} bytes. ${connections} connections, ${seconds} s each, wrk on the same machine.\n\n`,
  );
  const results = {
    mastheadIdentity: await runWrk(pageUrl, false),
    nginxIdentity: await runWrk(staticUrl, false),
    mastheadGzip: await runWrk(pageUrl, true),
    nginxGzip: await runWrk(staticUrl, true),
  };
  stopNginx();
  await running.stop();
  rmSync(dir, { recursive: true, force: true });

  process.stdout.write(
    [
      row('Masthead, identity', results.mastheadIdentity),
      row('nginx static, identity', results.nginxIdentity),
      row('Masthead, gzip', results.mastheadGzip),
      row('nginx static, gzip', results.nginxGzip),
      '',
      `Ratio Masthead/nginx, identity: ${(results.mastheadIdentity.rps / results.nginxIdentity.rps).toFixed(2)}× (target ≥ 0.5×)`,
      `Ratio Masthead/nginx, gzip:     ${(results.mastheadGzip.rps / results.nginxGzip.rps).toFixed(2)}× (target ≥ 1×)`,
      `Response headers of the cached article: ${headBytes(cachedHead)} bytes on the wire (target < 700)`,
      `Cold render of the article page (cache empty, ${coldSamples} sequential requests): p50 ${cold.p50.toFixed(2)} ms, p99 ${cold.p99.toFixed(2)} ms (target p50 < 5 ms)`,
      '',
    ].join('\n'),
  );
}

await main();
