import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from './actor.js';
import { decideTokenActingRole, ensureMayCreateToken } from './api-token-rules.js';

const person: Actor = { id: 'user:a', kind: 'user', userId: 'a', name: 'A', role: 'administrator' };
const token: Actor = {
  id: 'token:t',
  kind: 'token',
  userId: 'a',
  name: 'T',
  role: 'administrator',
};

describe('the role a token acts with', () => {
  it("is the token's own role when it belongs to nobody", () => {
    expect(decideTokenActingRole('editor', null)).toBe('editor');
  });
  it("is lowered to its owner's current role, never raised", () => {
    expect(decideTokenActingRole('administrator', { role: 'author', status: 'active' })).toBe(
      'author',
    );
    expect(decideTokenActingRole('author', { role: 'owner', status: 'active' })).toBe('author');
  });
  it('is none once the owner is suspended or gone', () => {
    expect(decideTokenActingRole('editor', { role: 'owner', status: 'suspended' })).toBeNull();
    expect(decideTokenActingRole('editor', 'missing')).toBeNull();
  });
});

describe('who may create a token', () => {
  it('lets administrators create tokens for themselves or the newsroom', () => {
    expect(() => ensureMayCreateToken(person, { role: 'editor', userId: 'a' })).not.toThrow();
    expect(() => ensureMayCreateToken(person, { role: 'editor', userId: null })).not.toThrow();
  });
  it('refuses tokens for someone else, tokens made by tokens, and roles above one’s own', () => {
    expect(() => ensureMayCreateToken(person, { role: 'editor', userId: 'b' })).toThrow(/yourself/);
    expect(() => ensureMayCreateToken(token, { role: 'editor', userId: 'a' })).toThrow(/cannot/);
    expect(() => ensureMayCreateToken(person, { role: 'owner', userId: 'a' })).toThrow(/below/);
  });
  it('lets Masthead itself bind a token to anyone', () => {
    expect(() => ensureMayCreateToken(systemActor, { role: 'owner', userId: 'b' })).not.toThrow();
  });
});
