import type { TaskReply, TaskRequest } from './worker-tasks.js';
import { fromTransferableError } from './worker-tasks.js';
import { startTaskRunner, type Isolation, type TaskRunner } from './task-runner.js';

/**
 * Runs CPU-heavy tasks in one worker thread, one at a time, each within a deadline, so the
 * event loop that serves readers is never held by them. A task past its deadline has its
 * thread stopped (there is no other way to stop synchronous code) and the next task gets a
 * fresh thread. The deadline starts when the task is handed to a ready thread, so a slow
 * start on a busy machine is not charged to the task.
 */

export interface DeadlineWorkerOptions {
  /**
   * The worker module as compiled (`….worker.js` beside the caller). Running from source
   * (tsx, vitest) there is no compiled file, and its `.ts` twin is loaded through tsx.
   */
  readonly module: URL;
  readonly deadlineMs: number;
  /** The thread's heap limit; a task needing more fails with `WorkerTaskFailed`. */
  readonly maxHeapMb?: number;
  /** A thread of this process (the default) or a child process of its own. */
  readonly isolation?: Isolation;
  /**
   * A child process runs at the lowest priority (nice 19, the default), so the web
   * processes always come first; false runs it at the parent's priority.
   */
  readonly background?: boolean;
  /** Tasks one thread or process serves before it is replaced (default: no limit). */
  readonly tasksPerRunner?: number;
  /** Tasks waiting beyond this many are refused with `WorkerBusy`. */
  readonly maxQueued?: number;
}

export interface DeadlineWorker<I, O> {
  run(input: I): Promise<O>;
  /** Stops the thread; tasks still waiting fail with `WorkerTaskFailed`. */
  close(): Promise<void>;
}

/** The task ran past its deadline and was stopped. */
export class WorkerDeadlineExceeded extends Error {
  override readonly name = 'WorkerDeadlineExceeded';
}

/** The thread died under the task: out of memory, a crash, or a shutdown. */
export class WorkerTaskFailed extends Error {
  override readonly name = 'WorkerTaskFailed';
}

/** Too many tasks are already waiting. */
export class WorkerBusy extends Error {
  override readonly name = 'WorkerBusy';
}

const startupTimeoutMs = 60_000;

interface Task<I, O> {
  readonly id: number;
  readonly input: I;
  resolve(output: O): void;
  reject(error: Error): void;
}

export function createDeadlineWorker<I, O>(options: DeadlineWorkerOptions): DeadlineWorker<I, O> {
  const maxQueued = options.maxQueued ?? 32;
  const queue: Task<I, O>[] = [];
  let thread: TaskRunner | null = null;
  let ready = false;
  let running: Task<I, O> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let nextId = 1;
  let closed = false;
  let served = 0;
  const tasksPerRunner = options.tasksPerRunner ?? Number.POSITIVE_INFINITY;

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  /** Drops the thread; the running task (if any) fails with `error`. */
  function discard(error: Error): void {
    clearTimer();
    const current = running;
    running = null;
    const old = thread;
    thread = null;
    ready = false;
    if (old !== null) void old.terminate();
    current?.reject(error);
  }

  function ensureThread(): void {
    if (thread !== null) return;
    served = 0;
    const started = startTaskRunner(
      options.module,
      options.isolation ?? 'thread',
      options.maxHeapMb ?? 512,
      options.background ?? true,
    );
    thread = started;
    ready = false;
    timer = setTimeout(() => {
      if (thread === started) discard(new WorkerTaskFailed('The worker thread did not start.'));
      failQueued(new WorkerTaskFailed('The worker thread did not start.'));
    }, startupTimeoutMs);
    started.onMessage((raw) => {
      const message = raw as TaskReply<O> | 'ready';
      if (thread !== started) return;
      if (message === 'ready') {
        clearTimer();
        ready = true;
        dispatch();
        return;
      }
      if (running === null || message.id !== running.id) return;
      const task = running;
      running = null;
      clearTimer();
      if (message.ok) task.resolve(message.output);
      else task.reject(fromTransferableError(message.error));
      served += 1;
      // Served its share: the next task gets a fresh one.
      if (served >= tasksPerRunner) discard(new WorkerTaskFailed('Replaced.'));
      dispatch();
    });
    // A thread that dies before it is ready would die again: the waiting tasks fail.
    const onDeath = (error: WorkerTaskFailed): void => {
      if (thread !== started) return;
      const wasReady = ready;
      discard(error);
      if (wasReady) dispatch();
      else failQueued(error);
    };
    started.onError((error) => {
      onDeath(new WorkerTaskFailed(`The worker thread failed: ${error.message}`, { cause: error }));
    });
    started.onExit((how) => onDeath(new WorkerTaskFailed(`The worker stopped (${how}).`)));
  }

  function failQueued(error: Error): void {
    for (const task of queue.splice(0)) task.reject(error);
  }

  function dispatch(): void {
    if (closed || running !== null || queue.length === 0) {
      if (running === null) thread?.unref();
      return;
    }
    ensureThread();
    const current = thread;
    if (current === null || !ready) return;
    const task = queue.shift();
    if (task === undefined) return;
    running = task;
    // Held while a task runs, so the process waits for it; idle, the thread lets it exit.
    current.ref();
    timer = setTimeout(() => {
      discard(new WorkerDeadlineExceeded(`The task took longer than ${options.deadlineMs} ms.`));
      dispatch();
    }, options.deadlineMs);
    const request: TaskRequest<I> = { id: task.id, input: task.input };
    current.send(request);
  }

  return {
    run(input) {
      if (closed) return Promise.reject(new WorkerTaskFailed('The worker is closed.'));
      if (queue.length >= maxQueued) {
        return Promise.reject(new WorkerBusy(`${queue.length} tasks are already waiting.`));
      }
      return new Promise<O>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        dispatch();
      });
    },

    async close() {
      closed = true;
      failQueued(new WorkerTaskFailed('The worker is closed.'));
      const old = thread;
      discard(new WorkerTaskFailed('The worker is closed.'));
      if (old !== null) await old.terminate();
    },
  };
}
