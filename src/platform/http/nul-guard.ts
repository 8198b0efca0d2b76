import type { FastifyInstance } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { AppError } from '../errors.js';

/**
 * PostgreSQL cannot store a NUL character in text and SQLite stores it silently, so the
 * same input would fail differently on each engine. No text with NUL goes past the edge:
 * it is refused with one 400 wherever it comes in.
 */
export function nulCharacterRefused(where: string): AppError {
  return new AppError(
    'nul_character',
    `The ${where} contains a NUL character (%00 or \\u0000), which is not accepted. Remove it and try again.`,
  );
}

/** A NUL in the path or query decodes only from `%00` (a raw NUL never gets past Node's parser). */
export function hasEncodedNul(rawUrl: string): boolean {
  return /%00|\0/i.test(rawUrl);
}

/**
 * Whether a parsed body holds a NUL in any string or key, however deeply nested. Walks
 * with its own stack, so a deeply nested body cannot overflow the call stack.
 */
export function containsNul(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (next.includes('\0')) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (typeof next === 'object' && next !== null && !Buffer.isBuffer(next)) {
      for (const [key, item] of Object.entries(next)) {
        if (key.includes('\0')) return true;
        pending.push(item);
      }
    }
  }
  return false;
}

/** Refuses a NUL in the decoded path, query, or JSON and form bodies, for every route. */
export const nulGuard = fastifyPlugin(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', async (request) => {
      if (hasEncodedNul(request.url)) throw nulCharacterRefused('address');
    });
    app.addHook('preValidation', async (request) => {
      if (containsNul(request.body)) throw nulCharacterRefused('request body');
    });
  },
  { name: 'masthead-nul-guard', fastify: '5.x' },
);
