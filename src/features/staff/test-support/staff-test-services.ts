import { randomUUID } from 'node:crypto';
import { SqliteAdapter } from 'kysely';
import type { Db, Engine } from '../../../db/database.js';
import { createJobQueue } from '../../../platform/jobs/job-queue.js';
import { createLogger } from '../../../platform/logger.js';
import { createManualClock, type ManualClock } from '../../../platform/clock.js';
import { createApiTokenService, type ApiTokenService } from '../api-token.service.js';
import { systemActor, type Actor } from '../actor.js';
import { createAuditService, type AuditService } from '../audit.service.js';
import { createPasswordHasher, testPasswordCost, type PasswordHasher } from '../password.js';
import type { Role } from '../role.js';
import { createSessionService, type SessionService } from '../session.service.js';
import { toUserActor, type StaffUser } from '../staff-user.js';
import { createStaffService, type StaffService } from '../staff.service.js';

function engineOf(db: Db): Engine {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** The staff services wired as the server wires them, with a manual clock and cheap hashing. */
export interface TestStaffServices {
  readonly clock: ManualClock;
  readonly passwords: PasswordHasher;
  readonly audit: AuditService;
  readonly staff: StaffService;
  readonly sessions: SessionService;
  readonly tokens: ApiTokenService;
}

export function createTestStaffServices(
  db: Db,
  overrides: { passwords?: PasswordHasher; audit?: AuditService } = {},
): TestStaffServices {
  const clock = createManualClock();
  const passwords = overrides.passwords ?? createPasswordHasher(testPasswordCost);
  const audit = overrides.audit ?? createAuditService({ db, clock });
  return {
    clock,
    passwords,
    audit,
    staff: createStaffService({
      db,
      clock,
      audit,
      passwords,
      jobs: createJobQueue({ db, engine: engineOf(db), clock, logger: createLogger('silent') }),
      siteTitle: () => Promise.resolve('The Test Gazette'),
    }),
    sessions: createSessionService({ db, clock, audit, passwords }),
    tokens: createApiTokenService({ db, clock, audit }),
  };
}

/** An e-mail address no other test in the same database uses. */
export function uniqueEmail(label = 'staff'): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}

export const testPassword = 'correct horse battery staple';

/** A signed-up staff user of `role`, added by Masthead itself, and the actor they sign in as. */
export async function addTestStaff(
  services: Pick<TestStaffServices, 'staff'>,
  role: Role,
  name = `Test ${role}`,
): Promise<{ user: StaffUser; actor: Actor; email: string }> {
  const email = uniqueEmail(role);
  const user = await services.staff.createStaff(systemActor, {
    email,
    name,
    role,
    password: testPassword,
  });
  return { user, actor: toUserActor(user), email };
}
