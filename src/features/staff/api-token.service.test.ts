import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from './actor.js';
import { toSecretHash } from './secret-hash.js';
import { addTestStaff, createTestStaffServices } from './test-support/staff-test-services.js';

describeEachEngine('API token service', (ctx) => {
  it('shows the token once and stores only its hash', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { actor } = await addTestStaff(services, 'administrator');
    const { token, record } = await services.tokens.createToken(actor, {
      name: 'Wire importer',
      role: 'editor',
    });
    expect(token).toMatch(/^mh_[\w-]{43}$/);
    expect(record).toMatchObject({
      name: 'Wire importer',
      role: 'editor',
      userId: actor.userId,
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await ctx.handle.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(toSecretHash(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(3));
    const listed = await services.tokens.listTokens(actor);
    expect(listed.find((item) => item.id === record.id)).toEqual(record);
    expect(JSON.stringify(listed)).not.toContain(token.slice(3));
  });

  it("resolves a token to an actor with the token's name and role", async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { token, record } = await services.tokens.createToken(systemActor, {
      name: 'Newsletter sync',
      role: 'author',
    });
    expect(await services.tokens.resolveToken(token)).toEqual({
      id: `token:${record.id}`,
      kind: 'token',
      userId: null,
      name: 'Newsletter sync',
      role: 'author',
    });
  });

  it('rejects a revoked token, an unknown one and one without the prefix', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { actor } = await addTestStaff(services, 'administrator');
    const { token, record } = await services.tokens.createToken(actor, {
      name: 'Old script',
      role: 'contributor',
    });
    const revoked = await services.tokens.revokeToken(actor, record.id);
    expect(revoked.revokedAt).toBe(services.clock.now().toISOString());
    expect(await services.tokens.resolveToken(token)).toBeNull();
    expect(await services.tokens.resolveToken(`${token}x`)).toBeNull();
    expect(await services.tokens.resolveToken(token.slice(3))).toBeNull();
    expect((await services.tokens.revokeToken(actor, record.id)).revokedAt).toBe(revoked.revokedAt);
  });

  it('does not let anyone create a token above their own role', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { actor } = await addTestStaff(services, 'administrator');
    await expect(
      services.tokens.createToken(actor, { name: 'Too strong', role: 'owner' }),
    ).rejects.toMatchObject({ code: 'forbidden', status: 403 });
  });

  it('does not let an editor create or list tokens', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { actor } = await addTestStaff(services, 'editor');
    await expect(
      services.tokens.createToken(actor, { name: 'Mine', role: 'contributor' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(services.tokens.listTokens(actor)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('does not let an administrator revoke an owner token', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { actor } = await addTestStaff(services, 'administrator');
    const { record } = await services.tokens.createToken(systemActor, {
      name: 'Owner automation',
      role: 'owner',
    });
    await expect(services.tokens.revokeToken(actor, record.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('notes when a token was last used, at most once a minute', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { token, record } = await services.tokens.createToken(systemActor, {
      name: 'Busy bot',
      role: 'contributor',
    });
    const lastUsed = async () =>
      (await services.tokens.listTokens(systemActor)).find((item) => item.id === record.id)
        ?.lastUsedAt;
    const first = services.clock.now().toISOString();
    await services.tokens.resolveToken(token);
    expect(await lastUsed()).toBe(first);
    services.clock.advance(30_000);
    await services.tokens.resolveToken(token);
    expect(await lastUsed()).toBe(first);
    services.clock.advance(30_000);
    await services.tokens.resolveToken(token);
    expect(await lastUsed()).toBe(services.clock.now().toISOString());
  });

  it('stops the tokens of a suspended staff user', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { user, actor } = await addTestStaff(services, 'administrator');
    const { token } = await services.tokens.createToken(actor, { name: 'Mine', role: 'editor' });
    await services.staff.suspend(systemActor, user.id);
    expect(await services.tokens.resolveToken(token)).toBeNull();
  });

  it('never lets a token outrank its staff user after a demotion', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { user, actor } = await addTestStaff(services, 'administrator');
    const { token } = await services.tokens.createToken(actor, {
      name: 'Admin script',
      role: 'administrator',
    });
    await services.staff.changeRole(systemActor, user.id, 'author');
    expect((await services.tokens.resolveToken(token))?.role).toBe('author');
  });

  it('records creation and revocation in the audit log', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { actor } = await addTestStaff(services, 'administrator');
    const { record } = await services.tokens.createToken(actor, {
      name: 'Audited',
      role: 'editor',
    });
    await services.tokens.revokeToken(actor, record.id);
    const rows = await ctx.handle.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('subject_id', '=', record.id)
      .orderBy('action')
      .execute();
    expect(rows).toEqual([
      { action: 'token.created', actor: actor.id },
      { action: 'token.revoked', actor: actor.id },
    ]);
  });
});
