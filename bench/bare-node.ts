/**
 * Node's own ceiling for the page bench: a bare `node:http` server, N processes under
 * node:cluster as Masthead runs, answering every request with the cached article's bytes
 * and response headers from memory and doing nothing else. Masthead's identity rows read
 * against it show what is Masthead's cost and what is node:http's.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const server = `
import cluster from 'node:cluster';
import http from 'node:http';
import { readFileSync } from 'node:fs';
const processes = Number(process.env.BARE_PROCESSES);
if (cluster.isPrimary) {
  let listening = 0;
  for (let i = 0; i < processes; i++) {
    cluster.fork().on('listening', () => {
      listening += 1;
      if (listening === processes) process.stdout.write('ready\\n');
    });
  }
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  const body = readFileSync(process.env.BARE_FILE);
  const headers = { ...JSON.parse(process.env.BARE_HEADERS), 'content-length': body.length };
  http
    .createServer((request, response) => {
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    })
    .listen(Number(process.env.BARE_PORT), '127.0.0.1');
}
`;

/** Framing headers node:http writes itself; the rest are the page's. */
const framing = new Set([
  'date',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
]);

/** The page's own response headers, from a raw response head (see `fetchResponseHead`). */
export function pageHeaders(head: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n').slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!framing.has(name)) headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Starts the bare server on `port`: its primary's pid, and a function that stops it. */
export async function startBareNode(
  root: string,
  port: number,
  processes: number,
  file: string,
  headers: Record<string, string>,
): Promise<{ pid: number; stop: () => void }> {
  const script = path.join(root, 'bare-node.mjs');
  writeFileSync(script, server);
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      BARE_PROCESSES: String(processes),
      BARE_PORT: String(port),
      BARE_FILE: file,
      BARE_HEADERS: JSON.stringify(headers),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`The bare node server exited with ${code}.`)));
  });
  return { pid: child.pid ?? 0, stop: () => child.kill('SIGTERM') };
}
