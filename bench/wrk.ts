/**
 * wrk, the load generator of the page bench: runs it without blocking, under /usr/bin/time
 * for its own CPU use, and reads its figures. Installs wrk and nginx from Debian when missing.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export function ensureTools(): void {
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

export interface WrkResult {
  readonly rps: number;
  readonly requests: number;
  readonly p50: number;
  readonly p99: number;
  /** CPU seconds wrk used per second of the run (2 = two cores busy). */
  readonly wrkCpu: number;
  /** CPU time the server's processes used per request, in µs; NaN when not measured. */
  readonly serverCpuUs: number;
}

export type Encoding = 'identity' | 'gzip' | 'br';

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (match === null) return Number.NaN;
  const n = Number(match[1]);
  return match[2] === 'us' ? n / 1000 : match[2] === 's' ? n * 1000 : n;
}

/** Runs wrk (under /usr/bin/time, for its own CPU use) without blocking this process. */
export async function runWrk(
  url: string,
  encoding: Encoding,
  duration: number,
  options: { connections?: number; serverCpuSeconds?: () => number } = {},
): Promise<WrkResult> {
  const connections = options.connections ?? 50;
  const serverCpuBefore = options.serverCpuSeconds?.() ?? Number.NaN;
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
  const serverCpu = (options.serverCpuSeconds?.() ?? Number.NaN) - serverCpuBefore;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const p50 = toMs(/\s50%\s+(\S+)/.exec(out)?.[1] ?? '');
  const p99 = toMs(/\s99%\s+(\S+)/.exec(out)?.[1] ?? '');
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw errors for ${url}:\n${out}`);
  return {
    rps,
    requests,
    p50,
    p99,
    wrkCpu: (user + system) / duration,
    serverCpuUs: (serverCpu * 1e6) / requests,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** Several runs of one row as one: the median of each figure. */
export function medianResult(runs: readonly WrkResult[]): WrkResult {
  const of = (pick: (run: WrkResult) => number) => median(runs.map(pick));
  return {
    rps: of((run) => run.rps),
    requests: of((run) => run.requests),
    p50: of((run) => run.p50),
    p99: of((run) => run.p99),
    wrkCpu: of((run) => run.wrkCpu),
    serverCpuUs: of((run) => run.serverCpuUs),
  };
}
