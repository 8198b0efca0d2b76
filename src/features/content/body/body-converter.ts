import { AppError } from '../../../platform/errors.js';
import {
  WorkerBusy,
  WorkerDeadlineExceeded,
  WorkerTaskFailed,
  createDeadlineWorker,
} from '../../../platform/workers/deadline-worker.js';
import type { BodyDocument } from './body.types.js';
import { convertBodySource, type BodySource } from './body-source.js';

/**
 * Converts Markdown and HTML into bodies without holding the event loop. Short text (most
 * saves) converts in place: conversion is linear, so it takes a few milliseconds at most.
 * Longer text goes to a worker thread with a deadline; text that cannot be converted in
 * time, or needs too much memory, is refused with `body_too_complex` instead of freezing
 * the server. Call it before opening a transaction: a conversion can take a second.
 */

export interface BodyConverter {
  convert(source: BodySource): Promise<BodyDocument>;
  close(): Promise<void>;
}

export interface BodyConverterOptions {
  /** Text up to this many characters converts on the calling thread. */
  readonly inlineUpTo?: number;
  /** How long one conversion may take in the worker thread. */
  readonly deadlineMs?: number;
}

export const bodyConversionDefaults = { inlineUpTo: 5_000, deadlineMs: 1_500 } as const;

function tooComplex(cause: Error): AppError {
  return new AppError(
    'body_too_complex',
    'This text is too large or too intricate to convert. Split it into smaller parts, or ' +
      'remove long runs of symbols such as *, _ or [, and try again.',
    [{ field: 'body', message: 'could not be converted in time' }],
    { cause },
  );
}

function busy(cause: Error): AppError {
  return new AppError(
    'unavailable',
    'Many long texts are being converted right now. Try again in a minute.',
    [],
    { cause },
  );
}

export function createBodyConverter(options: BodyConverterOptions = {}): BodyConverter {
  const inlineUpTo = options.inlineUpTo ?? bodyConversionDefaults.inlineUpTo;
  const worker = createDeadlineWorker<BodySource, BodyDocument>({
    module: new URL('./body-conversion.worker.js', import.meta.url),
    deadlineMs: options.deadlineMs ?? bodyConversionDefaults.deadlineMs,
  });

  return {
    async convert(source) {
      if (source.text.length <= inlineUpTo) return convertBodySource(source);
      try {
        return await worker.run(source);
      } catch (error) {
        if (error instanceof WorkerDeadlineExceeded || error instanceof WorkerTaskFailed) {
          throw tooComplex(error);
        }
        if (error instanceof WorkerBusy) throw busy(error);
        throw error;
      }
    },
    close: () => worker.close(),
  };
}
