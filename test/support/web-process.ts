import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WebProcess {
  readonly url: string;
  /** The process started: the primary when MASTHEAD_WEB_PROCESSES > 1. */
  readonly pid: number;
  /** Sends SIGTERM and resolves with the exit code once it exited (no cleanup). */
  terminate(): Promise<number | null>;
  stop(): Promise<void>;
}

const entry = fileURLToPath(new URL('./web-process-entry.ts', import.meta.url));

/** Starts Masthead in a child process on a free port against `databaseUrl`. */
export async function startWebProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<WebProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-proc-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      MASTHEAD_DATABASE_URL: databaseUrl,
      MASTHEAD_DATA_DIR: dataDir,
      MASTHEAD_PORT: '0',
      MASTHEAD_ROLE: 'web',
      MASTHEAD_DEMO: 'false',
      MASTHEAD_LOG_LEVEL: 'warn',
      MASTHEAD_SITE_URL: 'http://news.test',
      MASTHEAD_WEB_PROCESSES: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => {
        child.kill('SIGKILL');
        reject(new Error(`The web process did not start:\n${output}`));
      },
      // Generous: processes load from source, and several may start at once on 2 cores.
      300_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The web process exited with ${String(code)}:\n${output}`));
    });
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    url,
    pid: child.pid ?? 0,
    terminate: () => {
      child.kill('SIGTERM');
      return exit;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
