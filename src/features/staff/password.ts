import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../platform/errors.js';
import { newSecret } from '../../platform/ids.js';

export const minimumPasswordLength = 10;
/** Longer inputs are refused before hashing so nobody can make the server hash megabytes. */
export const maximumPasswordLength = 1000;

/** Argon2id cost. The defaults follow OWASP's baseline: 19 MiB, 2 passes, 1 lane. */
export interface PasswordCost {
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

export const defaultPasswordCost: PasswordCost = {
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/** A cost for tests only: fast, and still real argon2id. */
export const testPasswordCost: PasswordCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export interface PasswordHasher {
  /** An argon2id PHC string (`$argon2id$v=19$m=…`); the algorithm is @node-rs/argon2's default. */
  hash(password: string): Promise<string>;
  /** False for a wrong password and for a hash that cannot be read. */
  verify(passwordHash: string, password: string): Promise<boolean>;
  /**
   * Spends the same time as checking a real password and answers false, so a sign-in with
   * an unknown e-mail cannot be told apart by how long it takes.
   */
  verifyNothing(password: string): Promise<false>;
}

export function createPasswordHasher(cost: PasswordCost = defaultPasswordCost): PasswordHasher {
  const options = { ...cost };
  let dummyHash: Promise<string> | undefined;
  const check = async (passwordHash: string, password: string): Promise<boolean> => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => hash(password, options),
    verify: check,
    verifyNothing: async (password) => {
      dummyHash ??= hash(newSecret(16), options);
      await check(await dummyHash, password);
      return false;
    },
  };
}

/** Throws `validation_failed` on `field` when a new password is too short or too long. */
export function ensurePasswordAcceptable(password: string, field = 'password'): void {
  if (password.length < minimumPasswordLength) {
    throw new AppError(
      'validation_failed',
      `Please choose a password of at least ${minimumPasswordLength} characters.`,
      [{ field, message: `must be at least ${minimumPasswordLength} characters long` }],
    );
  }
  if (password.length > maximumPasswordLength) {
    throw new AppError(
      'validation_failed',
      `Please choose a password of at most ${maximumPasswordLength} characters.`,
      [{ field, message: `must be at most ${maximumPasswordLength} characters long` }],
    );
  }
}

/** A random password of 20 URL-safe characters, for accounts created from the command line. */
export function generatePassword(): string {
  return newSecret(15);
}
