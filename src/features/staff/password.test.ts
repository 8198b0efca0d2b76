import { describe, expect, it } from 'vitest';
import { isAppError } from '../../platform/errors.js';
import {
  createPasswordHasher,
  ensurePasswordAcceptable,
  generatePassword,
  testPasswordCost,
} from './password.js';

const hasher = createPasswordHasher(testPasswordCost);

describe('password hashing', () => {
  it('stores an argon2id hash that accepts only the same password', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(stored).not.toContain('correct horse battery');
    expect(await hasher.verify(stored, 'correct horse battery')).toBe(true);
    expect(await hasher.verify(stored, 'correct horse batterY')).toBe(false);
  });

  it('treats an unreadable stored hash as a wrong password', async () => {
    expect(await hasher.verify('not-a-hash', 'whatever123')).toBe(false);
  });

  it('refuses every password when there is no account to check against', async () => {
    expect(await hasher.verifyNothing('correct horse battery')).toBe(false);
  });
});

describe('password rules', () => {
  it('asks for at least 10 characters', () => {
    let caught: unknown;
    try {
      ensurePasswordAcceptable('short');
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('validation_failed');
    expect(isAppError(caught) && caught.message).toBe(
      'Please choose a password of at least 10 characters.',
    );
    expect(() => ensurePasswordAcceptable('0123456789')).not.toThrow();
  });

  it('generates passwords long enough to pass the rules', () => {
    const password = generatePassword();
    expect(password).toHaveLength(20);
    expect(() => ensurePasswordAcceptable(password)).not.toThrow();
  });
});
