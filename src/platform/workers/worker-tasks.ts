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

/**
 * Inside the worker thread: answers each request with `handle`. Before saying it is ready,
 * it handles `warmUp` once, so lazy set-up and first compilation are not charged to the
 * first real task's deadline.
 */
export function serveWorkerTasks<I>(handle: (input: I) => unknown, warmUp?: I): void {
  const port = parentPort;
  if (port === null) throw new Error('serveWorkerTasks runs only inside a worker thread.');
  if (warmUp !== undefined) handle(warmUp);
  port.on('message', (request: TaskRequest<I>) => {
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
