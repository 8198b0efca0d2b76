import { parentPort } from 'node:worker_threads';
import { AppError, errorCatalogue, isAppError, type ErrorCode } from '../errors.js';

/**
 * The two ends of a deadline worker's conversation: a request per task, a reply per
 * request. Errors cross the thread boundary as plain data; an `AppError` keeps its code,
 * message and fields, so a refusal made in the thread reaches the person unchanged.
 */

export interface TaskRequest<I> {
  readonly id: number;
  readonly input: I;
}

export interface TransferableError {
  readonly code: string | null;
  readonly message: string;
  readonly fields: readonly { field: string; message: string }[];
}

export type TaskReply<O> =
  | { readonly id: number; readonly ok: true; readonly output: O }
  | { readonly id: number; readonly ok: false; readonly error: TransferableError };

function isErrorCode(code: string | null): code is ErrorCode {
  return code !== null && Object.hasOwn(errorCatalogue, code);
}

export function toTransferableError(error: unknown): TransferableError {
  if (isAppError(error)) {
    return { code: error.code, message: error.message, fields: [...error.fields] };
  }
  return {
    code: null,
    message: error instanceof Error ? error.message : String(error),
    fields: [],
  };
}

export function fromTransferableError(error: TransferableError): Error {
  return isErrorCode(error.code)
    ? new AppError(error.code, error.message, error.fields)
    : new Error(error.message);
}

interface ParentPort {
  onMessage(listener: (request: unknown) => void): void;
  postMessage(message: unknown): void;
}

/** The owner's end: the thread's parent port, or a child process's IPC channel. */
function parentOfThisTask(): ParentPort {
  const thread = parentPort;
  if (thread !== null) {
    return {
      onMessage: (listener) => thread.on('message', listener),
      postMessage: (message) => thread.postMessage(message),
    };
  }
  const send = process.send?.bind(process);
  if (send === undefined) {
    throw new Error('serveWorkerTasks runs only in a worker thread or a child with IPC.');
  }
  // The owner is gone (stopped or crashed): nothing more will be asked.
  process.once('disconnect', () => process.exit(0));
  return {
    onMessage: (listener) => process.on('message', listener),
    // A reply that cannot be sent means the owner is gone as well: nothing to do but end.
    postMessage: (message) =>
      send(message as Parameters<typeof send>[0], undefined, undefined, (error) => {
        if (error !== null) process.exit(0);
      }),
  };
}

/**
 * Inside the worker thread or process: answers each request with `handle`. Before saying
 * it is ready, it handles `warmUp` once, so lazy set-up and first compilation are not
 * charged to the first real task's deadline.
 */
export function serveWorkerTasks<I>(handle: (input: I) => unknown, warmUp?: I): void {
  const port = parentOfThisTask();
  if (warmUp !== undefined) handle(warmUp);
  port.onMessage((raw) => {
    const request = raw as TaskRequest<I>;
    let reply: TaskReply<unknown>;
    try {
      reply = { id: request.id, ok: true, output: handle(request.input) };
    } catch (error) {
      reply = { id: request.id, ok: false, error: toTransferableError(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage('ready');
}
