import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { runStaffCreate, runTokenCreate } from './staff.cli.js';
import { createTestStaffServices, uniqueEmail } from './test-support/staff-test-services.js';

describeEachEngine('staff command line', (ctx) => {
  it('creates staff with a generated password, printed once, that signs in', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const lines: string[] = [];
    const email = uniqueEmail('cli');
    const user = await runStaffCreate(
      services,
      { email, name: 'Cli Owner', role: 'owner' },
      (line) => lines.push(line),
    );
    expect(user.role).toBe('owner');
    const password = lines
      .find((line) => line.startsWith('Password: '))
      ?.slice('Password: '.length);
    expect(password).toHaveLength(20);
    await expect(services.sessions.signIn(email, password ?? '')).resolves.toMatchObject({
      user: { id: user.id },
    });
  });

  it('prints no password when one was given', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const lines: string[] = [];
    await runStaffCreate(
      services,
      {
        email: uniqueEmail('cli'),
        name: 'Given Password',
        role: 'editor',
        password: 'chosen by hand',
      },
      (line) => lines.push(line),
    );
    expect(lines.join('\n')).not.toContain('chosen by hand');
    expect(lines.some((line) => line.startsWith('Password'))).toBe(false);
  });

  it('refuses a role that does not exist', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    await expect(
      runStaffCreate(services, { email: uniqueEmail(), name: 'X', role: 'chief' }, () => undefined),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('creates a newsroom token that works as a bearer token', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const token = await runTokenCreate(services, { name: 'Deploy script', role: 'editor' });
    expect(token).toMatch(/^mh_[\w-]{43}$/);
    expect(await services.tokens.resolveToken(token)).toMatchObject({
      kind: 'token',
      name: 'Deploy script',
      role: 'editor',
      userId: null,
    });
  });
});
