/** The compiled Masthead as the page bench runs it: started, waited on, narrating, stopped. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const mastheadBin = fileURLToPath(new URL('../bin/masthead.js', import.meta.url));

export function mastheadEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, MASTHEAD_DATA_DIR: dataDir, MASTHEAD_LOG_LEVEL: 'warn' };
}

/**
 * Waits until the demo's narrations, asked for at start, are made: until then the worker
 * is narrating, and the figures would measure that too. Reads the counts from the database
 * (read-only, no process per poll to compete with the narration); gives up if Masthead
 * exits or the narrations take longer than `limitMs`. Says how long it waited.
 */
export async function waitForNarrations(
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
export function narrateUntilStopped(dataDir: string): { stop: () => Promise<string[]> } {
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

export interface RunningMasthead {
  /** The primary process, parent of the web processes and the job worker. */
  readonly pid: number;
  /** Null while it runs; its exit code (or signal) once it has exited. */
  exitCode(): number | string | null;
  stop(): Promise<void>;
}

/** Runs `bin/masthead.js start` (the build in dist/) as production would, on its own process. */
export async function startCompiledMasthead(
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
    pid: child.pid ?? 0,
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
export function createAdminToken(dataDir: string): string {
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
