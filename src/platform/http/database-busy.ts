import { isDatabaseBusy } from '../../db/database-busy.js';
import { AppError, isAppError } from '../errors.js';

/** Seconds a client is asked to wait before sending a write the busy database refused. */
export const databaseBusyRetryAfterSeconds = 2;

/**
 * A write that gave up waiting for another writer (SQLite's lock, a PostgreSQL lock
 * timeout, serialization failure or deadlock) as `database_busy` (503): nothing is wrong
 * with the request, and the same request succeeds when sent again. Null for anything else.
 */
export function toDatabaseBusyError(error: unknown): AppError | null {
  if (isAppError(error) && error.status < 500) return null;
  if (!isDatabaseBusy(error)) return null;
  return new AppError(
    'database_busy',
    'The site is busy saving other changes. Please try again in a moment.',
    [],
    { cause: error },
  );
}
