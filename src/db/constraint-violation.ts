/**
 * Which database constraint an error broke, on either engine: PostgreSQL SQLSTATE codes
 * and better-sqlite3's extended result codes.
 */
export type ConstraintViolation = 'unique' | 'foreign-key';

export function decideConstraintViolation(error: unknown): ConstraintViolation | null {
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  switch (error.code) {
    case '23505':
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return 'unique';
    case '23503':
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return 'foreign-key';
    default:
      return null;
  }
}
