import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from './actor.js';
import type { AuditService } from './audit.service.js';
import {
  addTestStaff,
  createTestStaffServices,
  testPassword,
  uniqueEmail,
  type TestStaffServices,
} from './test-support/staff-test-services.js';
import { toAuthorProfile } from './staff-user.js';

describeEachEngine('staff service', (ctx) => {
  let services: TestStaffServices;
  const fresh = () => (services = createTestStaffServices(ctx.handle.db));

  it('adds staff with a lowercase email and a slug made from the name', async () => {
    fresh();
    const { actor } = await addTestStaff(services, 'administrator');
    const email = uniqueEmail('olena');
    const user = await services.staff.createStaff(actor, {
      email: `  ${email.toUpperCase()} `,
      name: ' Olena Kovalenko ',
      role: 'author',
      jobTitle: 'Economics correspondent',
    });
    expect(user).toMatchObject({
      email,
      name: 'Olena Kovalenko',
      role: 'author',
      jobTitle: 'Economics correspondent',
      status: 'active',
      hasPassword: false,
    });
    expect(user.slug).toMatch(/^olena-kovalenko(-\d+)?$/);
    expect(user).not.toHaveProperty('passwordHash');
    expect(await services.staff.findStaffByEmail(email.toUpperCase())).toEqual(user);
    expect(await services.staff.findStaffBySlug(user.slug)).toEqual(user);
  });

  it('numbers the slug when two people share a name', async () => {
    fresh();
    const first = await addTestStaff(services, 'author', 'Sam Twin');
    const second = await addTestStaff(services, 'author', 'Sam Twin');
    const third = await addTestStaff(services, 'author', 'Sam Twin');
    expect([first.user.slug, second.user.slug, third.user.slug]).toEqual([
      'sam-twin',
      'sam-twin-2',
      'sam-twin-3',
    ]);
  });

  it('refuses an email that is not an address and a blank name, naming both fields', async () => {
    fresh();
    const attempt = services.staff.createStaff(systemActor, {
      email: 'not an address',
      name: '   ',
      role: 'author',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [
        { field: 'email', message: 'Please enter a correct email address.' },
        { field: 'name', message: 'Please enter a name.' },
      ],
    });
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    fresh();
    const { email } = await addTestStaff(services, 'author');
    const attempt = services.staff.createStaff(systemActor, {
      email: email.toUpperCase(),
      name: 'Someone Else',
      role: 'author',
    });
    await expect(attempt).rejects.toMatchObject({ code: 'conflict', status: 409 });
  });

  it('refuses a password shorter than 10 characters', async () => {
    fresh();
    const attempt = services.staff.createStaff(systemActor, {
      email: uniqueEmail(),
      name: 'Short Password',
      role: 'author',
      password: 'abc123',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'Please choose a password of at least 10 characters.',
    });
  });

  it('refuses a photo that is not in the media library', async () => {
    fresh();
    const attempt = services.staff.createStaff(systemActor, {
      email: uniqueEmail(),
      name: 'No Photo',
      role: 'author',
      photoMediaId: 'missing-media',
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      fields: [{ field: 'photoMediaId', message: 'is not in the media library' }],
    });
  });

  it('does not let a contributor or an editor add staff', async () => {
    fresh();
    for (const role of ['contributor', 'editor'] as const) {
      const { actor } = await addTestStaff(services, role);
      const attempt = services.staff.createStaff(actor, {
        email: uniqueEmail(),
        name: 'New Person',
        role: 'contributor',
      });
      await expect(attempt).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    }
  });

  it('does not let an administrator make an owner, by adding or by promoting', async () => {
    fresh();
    const { actor } = await addTestStaff(services, 'administrator');
    const { user: editor } = await addTestStaff(services, 'editor');
    await expect(
      services.staff.createStaff(actor, { email: uniqueEmail(), name: 'Would Be', role: 'owner' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(services.staff.changeRole(actor, editor.id, 'owner')).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await services.staff.getStaff(editor.id)).role).toBe('editor');
  });

  it('lets an owner make another owner and an administrator promote up to administrator', async () => {
    fresh();
    const { actor: owner } = await addTestStaff(services, 'owner');
    const { actor: admin } = await addTestStaff(services, 'administrator');
    const { user: editor } = await addTestStaff(services, 'editor');
    expect((await services.staff.changeRole(admin, editor.id, 'administrator')).role).toBe(
      'administrator',
    );
    expect((await services.staff.changeRole(owner, editor.id, 'owner')).role).toBe('owner');
  });

  it("does not let an administrator change an owner's account", async () => {
    fresh();
    const { actor: admin } = await addTestStaff(services, 'administrator');
    const { user: owner } = await addTestStaff(services, 'owner');
    await expect(
      services.staff.updateStaff(admin, owner.id, { name: 'Renamed' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(services.staff.suspend(admin, owner.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('lets staff edit their own profile but not promote themselves', async () => {
    fresh();
    const { user, actor } = await addTestStaff(services, 'contributor');
    const updated = await services.staff.updateStaff(actor, user.id, {
      bio: '  Writes about rivers.  ',
      jobTitle: 'Reporter',
    });
    expect(updated).toMatchObject({ bio: 'Writes about rivers.', jobTitle: 'Reporter' });
    await expect(services.staff.changeRole(actor, user.id, 'editor')).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('does not let a contributor edit someone else', async () => {
    fresh();
    const { actor } = await addTestStaff(services, 'contributor');
    const { user: other } = await addTestStaff(services, 'contributor');
    await expect(
      services.staff.updateStaff(actor, other.id, { name: 'Hijacked' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('asks people for their current password before changing it', async () => {
    fresh();
    const { user, actor, email } = await addTestStaff(services, 'author');
    await expect(
      services.staff.updateStaff(actor, user.id, { password: 'a brand new password' }),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'currentPassword' }] });
    await services.staff.updateStaff(actor, user.id, {
      password: 'a brand new password',
      currentPassword: testPassword,
    });
    await expect(services.sessions.signIn(email, 'a brand new password')).resolves.toMatchObject({
      user: { id: user.id },
    });
  });

  it('signs out everywhere a person whose password an administrator resets', async () => {
    fresh();
    const { actor: admin } = await addTestStaff(services, 'administrator');
    const { user, email } = await addTestStaff(services, 'author');
    const { cookieValue } = await services.sessions.signIn(email, testPassword);
    await services.staff.updateStaff(admin, user.id, { password: 'reset by the admin' });
    expect(await services.sessions.resolveSession(cookieValue)).toBeNull();
  });

  it('tells that a changed email is already taken', async () => {
    fresh();
    const { user, actor } = await addTestStaff(services, 'author');
    const { email: taken } = await addTestStaff(services, 'author');
    await expect(
      services.staff.updateStaff(actor, user.id, { email: taken, currentPassword: testPassword }),
    ).rejects.toMatchObject({ code: 'conflict', fields: [{ field: 'email' }] });
  });

  it('suspends a person so they can no longer sign in, and reinstates them', async () => {
    fresh();
    const { actor: admin } = await addTestStaff(services, 'administrator');
    const { user, email } = await addTestStaff(services, 'author');
    const { cookieValue } = await services.sessions.signIn(email, testPassword);
    expect((await services.staff.suspend(admin, user.id)).status).toBe('suspended');
    expect(await services.sessions.resolveSession(cookieValue)).toBeNull();
    await expect(services.sessions.signIn(email, testPassword)).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect((await services.staff.reinstate(admin, user.id)).status).toBe('active');
    await expect(services.sessions.signIn(email, testPassword)).resolves.toBeDefined();
  });

  it('does not let administrators suspend themselves', async () => {
    fresh();
    const { user, actor } = await addTestStaff(services, 'administrator');
    await expect(services.staff.suspend(actor, user.id)).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('writes each change to the audit log with who made it', async () => {
    fresh();
    const { actor: admin } = await addTestStaff(services, 'administrator');
    const user = await services.staff.createStaff(admin, {
      email: uniqueEmail(),
      name: 'Audited Person',
      role: 'contributor',
    });
    await services.staff.updateStaff(admin, user.id, { name: 'Audited Person II', role: 'author' });
    await services.staff.suspend(admin, user.id);
    const rows = await ctx.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', user.id)
      .execute();
    const byAction = new Map(rows.map((row) => [row.action, row]));
    expect([...byAction.keys()].sort()).toEqual([
      'staff.created',
      'staff.role-changed',
      'staff.suspended',
      'staff.updated',
    ]);
    for (const row of rows) expect(row).toMatchObject({ actor: admin.id, actor_name: admin.name });
    expect(JSON.parse(byAction.get('staff.role-changed')?.details ?? '')).toEqual({
      from: 'contributor',
      to: 'author',
    });
    expect(JSON.parse(byAction.get('staff.updated')?.details ?? '')).toEqual({ fields: ['name'] });
  });

  it('adds nobody when the audit entry cannot be written', async () => {
    const failingAudit: AuditService = {
      record: () => Promise.reject(new Error('audit log unavailable')),
      listAudit: () => Promise.reject(new Error('not used')),
    };
    services = createTestStaffServices(ctx.handle.db, { audit: failingAudit });
    const email = uniqueEmail();
    await expect(
      services.staff.createStaff(systemActor, { email, name: 'Ghost Writer', role: 'author' }),
    ).rejects.toThrow('audit log unavailable');
    expect(await services.staff.findStaffByEmail(email)).toBeNull();
  });

  it('answers not_found for an unknown id and null for an unknown slug', async () => {
    fresh();
    await expect(services.staff.getStaff('nobody')).rejects.toMatchObject({ code: 'not_found' });
    expect(await services.staff.findStaffBySlug('nobody-at-all')).toBeNull();
  });

  it('lists staff for any signed-in role', async () => {
    fresh();
    const { actor, user } = await addTestStaff(services, 'contributor');
    const staff = await services.staff.listStaff(actor);
    expect(staff.map((member) => member.id)).toContain(user.id);
  });
});

describeEachEngine('staff service with a single owner', (ctx) => {
  it('keeps at least one active owner', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { user: owner, actor } = await addTestStaff(services, 'owner');
    await expect(services.staff.changeRole(actor, owner.id, 'administrator')).rejects.toMatchObject(
      { code: 'conflict' },
    );
    await expect(services.staff.suspend(systemActor, owner.id)).rejects.toMatchObject({
      code: 'conflict',
    });
    const { user: second } = await addTestStaff(services, 'owner');
    expect((await services.staff.changeRole(actor, owner.id, 'administrator')).role).toBe(
      'administrator',
    );
    expect((await services.staff.getStaff(second.id)).role).toBe('owner');
  });
});

describe('toAuthorProfile', () => {
  it('shows readers the byline details and never the email or role', () => {
    const profile = toAuthorProfile({
      id: 'u1',
      email: 'ann@example.com',
      name: 'Ann Lee',
      slug: 'ann-lee',
      role: 'editor',
      jobTitle: 'Editor',
      bio: 'Bio',
      photoMediaId: null,
      status: 'active',
      hasPassword: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(profile).toEqual({
      id: 'u1',
      name: 'Ann Lee',
      slug: 'ann-lee',
      jobTitle: 'Editor',
      bio: 'Bio',
      photoMediaId: null,
    });
  });
});
