import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readCookie, signAudience, verifyAudience } from './audience-cookie.js';

describe('the audience cookie', () => {
  const key = randomBytes(32);
  const claim = { audience: 'paying', memberId: 'm1', issuedAt: 1000, expiresAt: 5000 } as const;

  it('reads back what it signed until it expires', () => {
    const value = signAudience(key, claim);
    expect(verifyAudience(key, value, 2000)).toEqual(claim);
    expect(verifyAudience(key, value, 5000)).toBeNull();
  });

  it('refuses a changed audience or another key', () => {
    const value = signAudience(key, claim);
    expect(verifyAudience(key, value.replace(/^p/, 'm'), 2000)).toBeNull();
    expect(verifyAudience(randomBytes(32), value, 2000)).toBeNull();
    expect(verifyAudience(key, 'nonsense', 2000)).toBeNull();
  });

  it('finds one cookie among others by its exact name', () => {
    const header = 'x_masthead_audience=bad; masthead_audience=good; other=1';
    expect(readCookie(header, 'masthead_audience')).toBe('good');
    expect(readCookie('a=1', 'masthead_audience')).toBeUndefined();
  });
});
