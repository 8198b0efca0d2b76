/**
 * Whether a database error means "another writer holds what this one needs; try again
 * shortly", as opposed to a fault. SQLite reports a held write lock as SQLITE_BUSY (and its
 * extended codes, e.g. SQLITE_BUSY_SNAPSHOT when a read transaction tries to write after
 * another writer committed); PostgreSQL reports a lock wait cut short by `lock_timeout`,
 * a serialization failure or a deadlock — all of which succeed when simply retried.
 */
const busyPostgresCodes = new Set([
  '55P03', // lock_not_available
  '40001', // serialization_failure
  '40P01', // deadlock_detected
]);

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

export function isDatabaseBusy(error: unknown): boolean {
  // Follows `cause` a few steps, for errors wrapped on their way up.
  let current = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth += 1) {
    const code = codeOf(current);
    if (code !== null) {
      if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return true;
      if (busyPostgresCodes.has(code)) return true;
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}
