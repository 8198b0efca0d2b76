import { expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from './actor.js';
import { addTestStaff, createTestStaffServices } from './test-support/staff-test-services.js';

describeEachEngine('audit service', (ctx) => {
  it('lists entries newest first, a page at a time', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    for (const n of [1, 2, 3, 4, 5]) {
      await services.audit.record(
        ctx.handle.db,
        systemActor,
        'test.happened',
        {
          type: 'test',
          id: `t${n}`,
        },
        { n },
      );
      // t1 and t2 share a timestamp: paging must neither skip nor repeat either.
      if (n !== 1) services.clock.advance(1000);
    }
    const first = await services.audit.listAudit(systemActor, { limit: 2 });
    expect(first.entries.map((entry) => entry.subject.id)).toEqual(['t5', 't4']);
    expect(first.entries[0]).toMatchObject({
      actor: { id: 'system', name: 'Masthead' },
      action: 'test.happened',
      details: { n: 5 },
    });
    const second = await services.audit.listAudit(systemActor, {
      limit: 2,
      before: first.nextBefore ?? undefined,
    });
    const third = await services.audit.listAudit(systemActor, {
      limit: 2,
      before: second.nextBefore ?? undefined,
    });
    const seen = [...first.entries, ...second.entries, ...third.entries].map((e) => e.subject.id);
    expect(seen.sort()).toEqual(['t1', 't2', 't3', 't4', 't5']);
    expect(third.nextBefore).toBeNull();
  });

  it('shows the audit log to administrators only', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    const { actor: editor } = await addTestStaff(services, 'editor');
    const { actor: admin } = await addTestStaff(services, 'administrator');
    await expect(services.audit.listAudit(editor, { limit: 10 })).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(services.audit.listAudit(admin, { limit: 10 })).resolves.toBeDefined();
  });

  it('tells when the page to continue from does not exist', async () => {
    const services = createTestStaffServices(ctx.handle.db);
    await expect(
      services.audit.listAudit(systemActor, { limit: 10, before: 'no-such-entry' }),
    ).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'before' }] });
  });
});
