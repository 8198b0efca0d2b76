import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'live-web-process.ts');

/** A Masthead web process running as a child of this one. */
export interface LiveProcess {
  readonly url: string;
  readonly pid: number;
  /** Its resident set size and heap use, after a garbage collection. */
  memory(): Promise<NodeJS.MemoryUsage>;
  stop(): Promise<void>;
}

/**
 * Starts `test/support/live-web-process.ts` under tsx with these MASTHEAD_* settings and
 * waits until it listens. Rejects if it exits or stays silent for `timeoutMs`.
 */
export function startLiveProcess(
  env: Record<string, string>,
  options: { timeoutMs?: number; exposeGc?: boolean } = {},
): Promise<LiveProcess> {
  const child: ChildProcess = fork(entry, [], {
    execArgv: [...(options.exposeGc === true ? ['--expose-gc'] : []), '--import', 'tsx'],
    env: {
      ...process.env,
      MASTHEAD_DEMO: 'false',
      MASTHEAD_PORT: '0',
      MASTHEAD_WEB_PROCESSES: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('The Masthead child process did not start in time.'));
    }, options.timeoutMs ?? 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Masthead child process exited with code ${code}.`));
    });
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      output += chunk;
      const match = /LIVE-PROCESS-LISTENING (\S+)/.exec(output);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      const url = match[1];
      resolve({
        url,
        pid: child.pid ?? 0,
        memory: () =>
          new Promise((answer) => {
            child.once('message', (message) => {
              answer((message as { memory: NodeJS.MemoryUsage }).memory);
            });
            child.send('memory');
          }),
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) {
              done();
              return;
            }
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(force);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
