import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WorkerProcess {
  /** SIGKILL: the process stops mid-job, as in a crash or an OOM kill. */
  kill(): Promise<void>;
}

const entry = fileURLToPath(new URL('./worker-process-entry.ts', import.meta.url));

/** Starts a job worker in a child process against `databaseUrl`, its clock at `clock`. */
export async function startWorkerProcess(
  databaseUrl: string,
  clock: Date,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-worker-'));
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      MASTHEAD_DATABASE_URL: databaseUrl,
      MASTHEAD_DATA_DIR: dataDir,
      MASTHEAD_ROLE: 'worker',
      MASTHEAD_DEMO: 'false',
      MASTHEAD_LOG_LEVEL: 'warn',
      MASTHEAD_SITE_URL: 'http://news.test',
      MASTHEAD_TEST_CLOCK: clock.toISOString(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The worker did not start:\n${output}`)),
      90_000,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The worker exited with ${String(code)}:\n${output}`));
    });
  });
  return {
    async kill() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
