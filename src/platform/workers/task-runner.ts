import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Where a deadline worker's tasks run: a worker thread of this process, or a child process
 * of its own. A thread is cheaper; a process keeps a native crash in the task's code (an
 * abort in a WebAssembly runtime, say) from taking the web server down with it, and runs at
 * the lowest CPU priority as a whole.
 */
export type Isolation = 'thread' | 'process';

/** The side of a task runner its owner holds: one shape for a thread and a process. */
export interface TaskRunner {
  send(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  onError(listener: (error: Error) => void): void;
  /** `how` says how it ended, for the message: an exit code or a signal. */
  onExit(listener: (how: string) => void): void;
  /** Held while a task runs, so this process waits for it; idle, it lets this process exit. */
  ref(): void;
  unref(): void;
  terminate(): Promise<void>;
}

/** `background`: a process runs at the lowest priority (nice 19), where `nice` exists. */
export function startTaskRunner(
  module: URL,
  isolation: Isolation,
  maxHeapMb: number,
  background = true,
): TaskRunner {
  return isolation === 'process'
    ? startProcess(module, maxHeapMb, background)
    : startThread(module, maxHeapMb);
}

function startThread(module: URL, maxHeapMb: number): TaskRunner {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  const worker = existsSync(fileURLToPath(module))
    ? new Worker(module, { resourceLimits })
    : // Running from source (tsx, vitest): the module's `.ts` twin, loaded through tsx.
      new Worker(new URL('./run-from-source.js', import.meta.url), {
        workerData: { source: module.href.replace(/\.js$/u, '.ts') },
        resourceLimits,
      });
  return {
    send: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => worker.on('error', listener),
    onExit: (listener) => worker.on('exit', (code) => listener(`exit code ${code}`)),
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

/**
 * Tells a child process how it was started: `background` (under `nice -n 19` where there
 * is one; a child may lower itself further where there is not) or `normal`.
 */
export const taskPriorityVariable = 'MASTHEAD_TASK_PRIORITY';

/** True in a child process started in the background (see `taskPriorityVariable`). */
export function isBackgroundTask(): boolean {
  return process.env[taskPriorityVariable] !== 'normal';
}

let niceCommand: string | null | undefined;

/** `nice`, where there is one: the child and all its threads run at the lowest priority. */
function findNice(): string | null {
  niceCommand ??= spawnSync('nice', ['true']).status === 0 ? 'nice' : null;
  return niceCommand;
}

function startProcess(module: URL, maxHeapMb: number, background: boolean): TaskRunner {
  const compiled = fileURLToPath(module);
  const fromSource = !existsSync(compiled);
  const node = [
    process.execPath,
    ...(fromSource ? ['--import', 'tsx'] : []),
    `--max-old-space-size=${maxHeapMb}`,
    fromSource ? compiled.replace(/\.js$/u, '.ts') : compiled,
  ];
  const nice = background ? findNice() : null;
  const [command = process.execPath, ...args] = nice === null ? node : [nice, '-n', '19', ...node];
  const child = spawn(command, args, {
    env: { ...process.env, [taskPriorityVariable]: background ? 'background' : 'normal' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  return {
    send: (message) => {
      child.send(message as Parameters<typeof child.send>[0]);
    },
    onMessage: (listener) => child.on('message', listener),
    onError: (listener) => child.on('error', listener),
    onExit: (listener) =>
      child.on('exit', (code, signal) =>
        listener(signal === null ? `exit code ${String(code)}` : `signal ${signal}`),
      ),
    ref: () => {
      child.ref();
      child.channel?.ref();
    },
    unref: () => {
      child.unref();
      child.channel?.unref();
    },
    terminate: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        // Held until it has exited, so the caller's await keeps this process running.
        child.ref();
        child.kill('SIGKILL');
      }),
  };
}
