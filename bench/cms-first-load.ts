/**
 * The CMS's first load on a slow connection, before and after a change: bytes over the
 * wire and the time until the page is usable, in Chromium with the network throttled
 * through the DevTools protocol (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip).
 *
 * Two trees are measured the same way: this one, and the commit in `BENCH_BEFORE`
 * (default 3ff0c3b, the CMS before its second pass), unpacked with `git archive` into a
 * folder under the system's temporary directory and built there once (kept for the next
 * run). Each runs as its own compiled Masthead (`bin/masthead.js start`, role web, one
 * process, the demo newsroom on a fresh SQLite file) with a staff account made by its CLI.
 *
 * Two loads per run, each in a fresh browser context (nothing cached):
 * - the sign-in page, until the password field is there;
 * - `/admin/posts` with a session cookie already set (signed in through the API before
 *   the clock starts), until the posts table shows its first post's link.
 * Figures are medians of `BENCH_RUNS` runs (default 5). Not a test: it reports figures.
 *
 * Run with `npm run bench:cms` (it builds this tree first).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const beforeRef = process.env.BENCH_BEFORE ?? '3ff0c3b';
const email = 'bench@news.test';
const password = 'a long enough bench password';
/** BENCH_VERBOSE=1 lists every response with its bytes over the wire. */
const verbose = process.env.BENCH_VERBOSE === '1';

interface Load {
  readonly bytes: number;
  readonly requests: number;
  readonly ms: number;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The commit unpacked and built once in a temporary folder named for it. */
function prepareTree(ref: string): { dir: string; commit: string } {
  const commit = execFileSync('git', ['rev-parse', '--short', ref], { cwd: root })
    .toString()
    .trim();
  const dir = path.join(tmpdir(), `masthead-cms-bench-${commit}`);
  if (!existsSync(path.join(dir, 'admin', 'dist', 'index.html'))) {
    log(`Unpacking and building ${commit} in ${dir}…`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C '${dir}'`], { cwd: root });
    // The dependencies of this tree are a superset of the older one's.
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    execFileSync('npm', ['run', 'build'], { cwd: dir, stdio: 'inherit' });
  }
  return { dir, commit };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Masthead exited with ${child.exitCode}.`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** One compiled Masthead from `dir` on a fresh database, with a staff account. */
async function startMasthead(dir: string): Promise<{ base: string; stop: () => Promise<void> }> {
  const data = mkdtempSync(path.join(tmpdir(), 'masthead-cms-bench-data-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    MASTHEAD_HOST: '127.0.0.1',
    MASTHEAD_PORT: String(port),
    MASTHEAD_SITE_URL: base,
    MASTHEAD_DATA_DIR: data,
    MASTHEAD_DATABASE_URL: `sqlite:${path.join(data, 'masthead.db')}`,
    MASTHEAD_ROLE: 'web',
    MASTHEAD_WEB_PROCESSES: '1',
  };
  const cli = path.join(dir, 'bin', 'masthead.js');
  const child = spawn(process.execPath, [cli, 'start'], { cwd: dir, env, stdio: 'ignore' });
  await waitForHealth(base, child);
  // After the start: the demo newsroom is seeded only into an empty database.
  execFileSync(
    process.execPath,
    [cli, 'staff', 'create', '--email', email, '--name', 'Bench Editor', '--role', 'editor'].concat(
      ['--password', password],
    ),
    { cwd: dir, env, stdio: 'ignore' },
  );
  return {
    base,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    },
  };
}

async function throttled(context: BrowserContext): Promise<{ page: Page; count: () => Load }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  let bytes = 0;
  let requests = 0;
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (event: { requestId: string; request: { url: string } }) => {
    urls.set(event.requestId, event.request.url);
  });
  cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests += 1;
    if (verbose)
      log(`  ${String(event.encodedDataLength).padStart(7)} ${urls.get(event.requestId)}`);
  });
  const start = performance.now();
  return { page, count: () => ({ bytes, requests, ms: performance.now() - start }) };
}

async function loadSignIn(browser: Browser, base: string): Promise<Load> {
  const context = await browser.newContext();
  try {
    const { page, count } = await throttled(context);
    await page.goto(`${base}/admin`, { waitUntil: 'commit' });
    await page.getByLabel('Password').waitFor({ timeout: 120_000 });
    return count();
  } finally {
    await context.close();
  }
}

async function loadPostsList(browser: Browser, base: string, cookies: Cookie[]): Promise<Load> {
  const context = await browser.newContext();
  try {
    await context.addCookies(cookies.map((cookie) => ({ ...cookie, url: base })));
    const { page, count } = await throttled(context);
    await page.goto(`${base}/admin/posts`, { waitUntil: 'commit' });
    await page
      .getByRole('table', { name: 'Posts' })
      .getByRole('link')
      .first()
      .waitFor({ timeout: 120_000 });
    return count();
  } finally {
    await context.close();
  }
}

interface Cookie {
  readonly name: string;
  readonly value: string;
}

/** Signs in through the Admin API; the cookies it sets, as a browser would keep them. */
async function signIn(base: string): Promise<Cookie[]> {
  const response = await fetch(`${base}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`Sign-in failed: ${response.status}`);
  return response.headers.getSetCookie().map((header) => {
    const pair = header.split(';', 1)[0] ?? '';
    const equals = pair.indexOf('=');
    return { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
  });
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function summary(loads: Load[]): string {
  const kb = (median(loads.map((l) => l.bytes)) / 1024).toFixed(1);
  const ms = Math.round(median(loads.map((l) => l.ms)));
  return `${kb} KiB in ${loads[0]?.requests ?? 0} requests, ${ms} ms`;
}

async function measureTree(browser: Browser, dir: string) {
  const masthead = await startMasthead(dir);
  try {
    const cookie = await signIn(masthead.base);
    const signInLoads: Load[] = [];
    const postsLoads: Load[] = [];
    // One load of each first, not counted, so the server's own first-request work is done.
    await loadSignIn(browser, masthead.base);
    await loadPostsList(browser, masthead.base, cookie);
    for (let run = 0; run < runs; run++) {
      signInLoads.push(await loadSignIn(browser, masthead.base));
      postsLoads.push(await loadPostsList(browser, masthead.base, cookie));
    }
    return { signIn: summary(signInLoads), posts: summary(postsLoads) };
  } finally {
    await masthead.stop();
  }
}

const before = prepareTree(beforeRef);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
});
try {
  log(`Measuring ${before.commit}…`);
  const old = await measureTree(browser, before.dir);
  log('Measuring this tree…');
  const now = await measureTree(browser, root);
  process.stdout.write(
    `CMS first load, median of ${runs} cold runs at 1.6 Mbit/s down, 150 ms round trip:\n` +
      `  posts list, signed in   before (${before.commit}): ${old.posts}\n` +
      `                          after (this tree):   ${now.posts}\n` +
      `  sign-in page            before (${before.commit}): ${old.signIn}\n` +
      `                          after (this tree):   ${now.signIn}\n`,
  );
} finally {
  await browser.close();
}
