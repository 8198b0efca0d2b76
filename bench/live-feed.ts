/**
 * The live news feed against DESIGN.md's budget: an entry reaches 1,000 connected readers
 * within 1 s (p99), and 10,000 idle connections fit in 1 GiB.
 *
 * Starts Masthead (from source, on SQLite in a temporary folder) as a child process,
 * connects 1,000 Server-Sent Events readers over loopback, posts entries through the Admin
 * API one at a time, and times each reader's arrival from the moment the POST was sent.
 * Then it holds 10,000 idle connections and reads the server's memory. Every wait is
 * bounded; it stops by itself. Run with `npm run bench:live`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemActor } from '../src/features/staff/actor.js';
import { createServices } from '../src/main/services.js';
import { createLogger } from '../src/platform/logger.js';
import { startLiveProcess, type LiveProcess } from '../test/support/live-process-runner.js';
import { openSseClient, type SseClient } from '../test/support/live-sse-client.js';

const readers = 1_000;
const entries = 50;
const warmUpEntries = 2;
const idleConnections = 10_000;
const arrivalTimeoutMs = 10_000;
const wholeRunTimeoutMs = 10 * 60_000;
const neededFiles = idleConnections + 2_000;

/** Each side of 10,000 sockets needs as many file descriptors; raise the limit and rerun. */
function ensureFileLimit(): void {
  const limit = execFileSync('sh', ['-c', 'ulimit -n']).toString().trim();
  if (limit === 'unlimited' || Number(limit) >= neededFiles) return;
  if (process.env.MASTHEAD_BENCH_RELAUNCHED === '1') {
    throw new Error(`Open files are limited to ${limit}; ${neededFiles} are needed.`);
  }
  const script = fileURLToPath(import.meta.url);
  const raise = `ulimit -n ${neededFiles * 2} 2>/dev/null || ulimit -Sn "$(ulimit -Hn)"`;
  const result = spawnSync(
    'sh',
    ['-c', `${raise}; exec "$@"`, 'sh', process.execPath, ...process.execArgv, script],
    { stdio: 'inherit', env: { ...process.env, MASTHEAD_BENCH_RELAUNCHED: '1' } },
  );
  process.exit(result.status ?? 1);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function prepare(dataDir: string): Promise<{ token: string; url: string }> {
  const url = `sqlite:${path.join(dataDir, 'masthead.db')}`;
  const config = loadConfig({
    MASTHEAD_DATABASE_URL: url,
    MASTHEAD_DATA_DIR: dataDir,
    MASTHEAD_DEMO: 'false',
  });
  const services = createServices({ config, logger: createLogger('silent') });
  try {
    await migrateToLatest(services.database.db);
    const editor = await services.staff.createStaff(systemActor, {
      email: 'bench@news.test',
      name: 'Bench Editor',
      role: 'editor',
      password: 'a long enough password',
    });
    const created = await services.tokens.createToken(systemActor, {
      name: 'bench',
      role: 'editor',
      userId: editor.id,
    });
    return { token: created.token, url };
  } finally {
    await services.close();
  }
}

async function measureLatency(server: LiveProcess, token: string) {
  /** When each reader read each entry, by entry id. */
  const arrivals = new Map<string, number[]>();
  const clients: SseClient[] = [];
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  for (let opened = 0; opened < readers; opened += 100) {
    const batch = Array.from({ length: Math.min(100, readers - opened) }, () =>
      openSseClient(`${server.url}/news-feed/live`, {
        agent,
        onEvent: (event) => {
          if (event.event !== 'created') return;
          const at = performance.now();
          const id = /"id":"([^"]+)"/.exec(event.data)?.[1] ?? '';
          const list = arrivals.get(id) ?? [];
          list.push(at);
          arrivals.set(id, list);
        },
      }),
    );
    clients.push(...(await Promise.all(batch)));
  }
  await Promise.all(clients.map((client) => client.next(arrivalTimeoutMs)));

  const perReader: number[] = [];
  const lastReader: number[] = [];
  let coldLastReader = 0;
  // The first entries warm the server up (first render, JIT); they are reported apart.
  for (let n = 1 - warmUpEntries; n <= entries; n++) {
    const sentAt = performance.now();
    const response = await fetch(`${server.url}/api/admin/feed`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: `Bench entry ${n}`, markdown: `Update number ${n}.` }),
    });
    const { entry } = (await response.json()) as { entry: { id: string } };
    await waitUntil(
      `entry ${n} to reach every reader`,
      () => (arrivals.get(entry.id)?.length ?? 0) >= readers,
      arrivalTimeoutMs,
    );
    const times = (arrivals.get(entry.id) ?? []).map((at) => at - sentAt);
    if (n === 1 - warmUpEntries) coldLastReader = Math.max(...times);
    if (n < 1) continue;
    perReader.push(...times);
    lastReader.push(Math.max(...times));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  clients.forEach((client) => client.close());
  agent.destroy();
  return {
    perReader: perReader.sort((a, b) => a - b),
    lastReader: lastReader.sort((a, b) => a - b),
    coldLastReader,
  };
}

async function liveConnections(server: LiveProcess, token: string): Promise<number> {
  const response = await fetch(`${server.url}/api/admin/feed/live-stats`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { connections: number }).connections;
}

async function measureIdleMemory(server: LiveProcess, token: string) {
  await waitUntil(
    'the readers to be gone',
    async () => (await liveConnections(server, token)) === 0,
    30_000,
  );
  const before = await server.memory();
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const requests: http.ClientRequest[] = [];
  for (let opened = 0; opened < idleConnections; opened += 250) {
    const batch = Array.from(
      { length: Math.min(250, idleConnections - opened) },
      () =>
        new Promise<void>((resolve, reject) => {
          const request = http.get(`${server.url}/news-feed/live`, { agent }, (response) => {
            response.resume();
            resolve();
          });
          request.on('error', reject);
          requests.push(request);
        }),
    );
    await Promise.all(batch);
  }
  await waitUntil(
    `${idleConnections} connections`,
    async () => (await liveConnections(server, token)) >= idleConnections,
    60_000,
  );
  const after = await server.memory();
  requests.forEach((request) => request.destroy());
  agent.destroy();
  return { before, after };
}

async function main(): Promise<void> {
  ensureFileLimit();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-live-'));
  let server: LiveProcess | undefined;
  const guard = setTimeout(() => {
    process.stderr.write('The bench ran too long; stopping.\n');
    void server?.stop().finally(() => process.exit(1));
  }, wholeRunTimeoutMs);
  try {
    const { token, url } = await prepare(dataDir);
    server = await startLiveProcess(
      { MASTHEAD_DATABASE_URL: url, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_LOG_LEVEL: 'warn' },
      { exposeGc: true, timeoutMs: 120_000 },
    );
    process.stdout.write(`Masthead is running at ${server.url} (pid ${server.pid}).\n`);
    const latency = await measureLatency(server, token);
    const memory = await measureIdleMemory(server, token);
    const rssDelta = memory.after.rss - memory.before.rss;
    const heapDelta = memory.after.heapUsed - memory.before.heapUsed;
    const lines = [
      '',
      `Live news feed — ${os.cpus().length} cores, Node ${process.version}, SQLite, loopback`,
      `  ${entries} entries to ${readers} readers (${latency.perReader.length} arrivals), POST sent → event read:`,
      `    per reader         p50 ${ms(percentile(latency.perReader, 50))}   p99 ${ms(percentile(latency.perReader, 99))}   max ${ms(percentile(latency.perReader, 100))}`,
      `    slowest reader     p50 ${ms(percentile(latency.lastReader, 50))}   p99 ${ms(percentile(latency.lastReader, 99))}`,
      `    (first entry after start, not counted: slowest reader ${ms(latency.coldLastReader)})`,
      `  ${idleConnections} idle connections:`,
      `    RSS   ${mib(memory.before.rss)} → ${mib(memory.after.rss)} (+${mib(rssDelta)}, ${(rssDelta / idleConnections / 1024).toFixed(1)} KiB each)`,
      `    heap  ${mib(memory.before.heapUsed)} → ${mib(memory.after.heapUsed)} (+${mib(heapDelta)}, ${(heapDelta / idleConnections / 1024).toFixed(1)} KiB each)`,
      `  Budget: 1,000 readers within 1 s at p99 — ${percentile(latency.lastReader, 99) < 1000 ? 'met' : 'MISSED'}; ` +
        `10,000 idle connections in 1 GiB — ${memory.after.rss < 1024 ** 3 ? 'met' : 'MISSED'}.`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  } finally {
    clearTimeout(guard);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
