import type { Updateable } from 'kysely';
import type { Db, Trx } from '../../db/database.js';
import { toTimestamp, type Clock } from '../../platform/clock.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from './actor.js';
import type { AuditService } from './audit.service.js';
import { decideConstraintViolation } from './constraint-violation.js';
import { normaliseEmail } from './email-address.js';
import { createPasswordHasher, ensurePasswordAcceptable, type PasswordHasher } from './password.js';
import { ensureCan, ensureRoleWithin } from './permissions.js';
import type { Role } from './role.js';
import { deleteSessionsOfUser } from './session.repository.js';
import { ensureMayChange, isSelf } from './staff-change-rules.js';
import './staff-events.js';
import { toCheckedProfile } from './staff-profile-input.js';
import { decideUniqueSlug, toStaffSlug } from './staff-slug.js';
import { toStaffUser, type StaffStatus, type StaffUser } from './staff-user.js';
import {
  countActiveOwners,
  findStaffUserByEmail,
  findStaffUserById,
  findStaffUserBySlug,
  insertStaffUser,
  listStaffSlugsLike,
  listStaffUsers,
  updateStaffUser,
} from './staff.repository.js';
import type { StaffUserRow, StaffUserTable } from './staff.table.js';

export interface NewStaff {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  /** Without one the person cannot sign in until someone sets it. */
  readonly password?: string;
  readonly jobTitle?: string;
  readonly bio?: string;
  readonly photoMediaId?: string | null;
}

export interface StaffChanges {
  readonly email?: string;
  readonly name?: string;
  readonly jobTitle?: string;
  readonly bio?: string;
  readonly photoMediaId?: string | null;
  readonly password?: string;
  /** Required when people change their own password. */
  readonly currentPassword?: string;
  readonly role?: Role;
  readonly status?: StaffStatus;
}

export interface StaffServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  /** Defaults to argon2id at production cost. */
  readonly passwords?: PasswordHasher;
  /** Where a profile change (name, title, bio, photo) is recorded, so pages can refresh. */
  readonly events?: EventOutbox;
}

export interface StaffService {
  createStaff(actor: Actor, input: NewStaff): Promise<StaffUser>;
  /** Profile, password, role and status in one transaction; staff may edit their own profile. */
  updateStaff(actor: Actor, id: string, changes: StaffChanges): Promise<StaffUser>;
  changeRole(actor: Actor, id: string, role: Role): Promise<StaffUser>;
  /** Signs the person out everywhere; their sessions and tokens stop working. */
  suspend(actor: Actor, id: string): Promise<StaffUser>;
  reinstate(actor: Actor, id: string): Promise<StaffUser>;
  listStaff(actor: Actor): Promise<StaffUser[]>;
  getStaff(id: string): Promise<StaffUser>;
  findStaffBySlug(slug: string): Promise<StaffUser | null>;
  findStaffByEmail(email: string): Promise<StaffUser | null>;
}

const emailTaken = (): AppError =>
  new AppError('conflict', 'That email already belongs to a staff account.', [
    { field: 'email', message: 'is already used by another staff account' },
  ]);

const unknownPhoto = (): AppError =>
  new AppError('validation_failed', 'Please choose a photo from the media library.', [
    { field: 'photoMediaId', message: 'is not in the media library' },
  ]);

/** Turns the database's own refusals (a race on the e-mail, a missing photo) into the contract. */
function toStaffWriteError(error: unknown): unknown {
  const violation = decideConstraintViolation(error);
  if (violation === 'unique' && error instanceof Error && error.message.includes('email')) {
    return emailTaken();
  }
  if (violation === 'foreign-key') return unknownPhoto();
  return error;
}

async function getRow(executor: Db | Trx, id: string): Promise<StaffUserRow> {
  const row = await findStaffUserById(executor, id);
  if (row === undefined) throw notFound('That staff account');
  return row;
}

export function createStaffService(deps: StaffServiceDeps): StaffService {
  const { db, clock, audit } = deps;
  const passwords = deps.passwords ?? createPasswordHasher();

  const writeStaff = async <T>(work: (trx: Trx) => Promise<T>): Promise<T> => {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      throw toStaffWriteError(error);
    }
  };

  /**
   * Checked before the slow hash: who may set this password, and, for people changing their
   * own, whether they know the current one.
   */
  const hashNewPassword = async (
    actor: Actor,
    id: string,
    changes: StaffChanges & { password: string },
  ) => {
    ensurePasswordAcceptable(changes.password);
    const row = await getRow(db, id);
    ensureMayChange(actor, toStaffUser(row), changes);
    if (isSelf(actor, id) && row.password_hash !== null) {
      const current = changes.currentPassword;
      if (current === undefined || !(await passwords.verify(row.password_hash, current))) {
        throw new AppError('validation_failed', 'Your current password is not right.', [
          { field: 'currentPassword', message: 'does not match your password' },
        ]);
      }
    }
    return passwords.hash(changes.password);
  };

  const service: StaffService = {
    createStaff: async (actor, input) => {
      ensureCan(actor, 'staff.manage', 'add staff');
      ensureRoleWithin(actor, input.role, 'add staff with that role');
      const profile = toCheckedProfile({
        ...input,
        jobTitle: input.jobTitle ?? '',
        bio: input.bio ?? '',
      });
      if (input.password !== undefined) ensurePasswordAcceptable(input.password);
      const passwordHash =
        input.password === undefined ? null : await passwords.hash(input.password);
      const now = toTimestamp(clock.now());
      return writeStaff(async (trx) => {
        if ((await findStaffUserByEmail(trx, profile.email)) !== undefined) throw emailTaken();
        const base = toStaffSlug(profile.name);
        const slug = decideUniqueSlug(base, new Set(await listStaffSlugsLike(trx, base)));
        const row = await insertStaffUser(trx, {
          id: newId(),
          email: profile.email,
          name: profile.name,
          slug,
          role: input.role,
          password_hash: passwordHash,
          job_title: profile.jobTitle,
          bio: profile.bio,
          photo_media_id: input.photoMediaId ?? null,
          status: 'active',
          created_at: now,
          updated_at: now,
        });
        const user = toStaffUser(row);
        await audit.record(
          trx,
          actor,
          'staff.created',
          { type: 'staff', id: user.id },
          {
            email: user.email,
            name: user.name,
            role: user.role,
          },
        );
        return user;
      });
    },

    updateStaff: async (actor, id, rawChanges) => {
      const changes = toCheckedProfile(rawChanges);
      const { password } = changes;
      const passwordHash =
        password === undefined
          ? undefined
          : await hashNewPassword(actor, id, { ...changes, password });
      const updated = await writeStaff(async (trx) => {
        const before = toStaffUser(await getRow(trx, id));
        ensureMayChange(actor, before, changes);
        const set: Updateable<StaffUserTable> = {};
        const fields: string[] = [];
        const change = <K extends keyof StaffUserTable>(
          field: string,
          column: K,
          value: StaffUserTable[K] | undefined,
          current: StaffUserTable[K] | undefined,
        ) => {
          if (value === undefined || value === current) return;
          set[column] = value;
          fields.push(field);
        };
        change('email', 'email', changes.email, before.email);
        change('name', 'name', changes.name, before.name);
        change('jobTitle', 'job_title', changes.jobTitle, before.jobTitle);
        change('bio', 'bio', changes.bio, before.bio);
        change('photoMediaId', 'photo_media_id', changes.photoMediaId, before.photoMediaId);
        change('password', 'password_hash', passwordHash, undefined);
        change('role', 'role', changes.role, before.role);
        change('status', 'status', changes.status, before.status);
        if (fields.length === 0) return before;

        const losesOwner =
          before.role === 'owner' &&
          before.status === 'active' &&
          (set.role !== undefined || set.status === 'suspended');
        if (losesOwner && (await countActiveOwners(trx)) <= 1) {
          throw new AppError(
            'conflict',
            'Masthead needs at least one active owner. Make someone else an owner first.',
          );
        }
        if (set.email !== undefined && (await findStaffUserByEmail(trx, set.email)) !== undefined) {
          throw emailTaken();
        }
        const row = await updateStaffUser(trx, id, {
          ...set,
          updated_at: toTimestamp(clock.now()),
        });
        if (row === undefined) throw notFound('That staff account');
        const after = toStaffUser(row);

        // A suspended person, or one whose password someone else reset, is signed out everywhere.
        if (set.status === 'suspended' || (set.password_hash !== undefined && !isSelf(actor, id))) {
          await deleteSessionsOfUser(trx, id);
        }
        const subject = { type: 'staff', id };
        const profileFields = fields.filter((field) => field !== 'role' && field !== 'status');
        if (profileFields.length > 0) {
          await audit.record(trx, actor, 'staff.updated', subject, { fields: profileFields });
        }
        if (set.role !== undefined) {
          await audit.record(trx, actor, 'staff.role-changed', subject, {
            from: before.role,
            to: after.role,
          });
        }
        if (set.status !== undefined) {
          const action = after.status === 'suspended' ? 'staff.suspended' : 'staff.reinstated';
          await audit.record(trx, actor, action, subject);
        }
        await deps.events?.record(trx, 'staff.profile-changed', { slug: after.slug });
        return after;
      });
      await deps.events?.deliver();
      return updated;
    },

    changeRole: (actor, id, role) => service.updateStaff(actor, id, { role }),
    suspend: (actor, id) => service.updateStaff(actor, id, { status: 'suspended' }),
    reinstate: (actor, id) => service.updateStaff(actor, id, { status: 'active' }),

    listStaff: async (actor) => {
      ensureCan(actor, 'staff.read', 'see the staff list');
      return (await listStaffUsers(db)).map(toStaffUser);
    },

    getStaff: async (id) => toStaffUser(await getRow(db, id)),

    findStaffBySlug: async (slug) => {
      const row = await findStaffUserBySlug(db, slug);
      return row === undefined ? null : toStaffUser(row);
    },

    findStaffByEmail: async (email) => {
      const row = await findStaffUserByEmail(db, normaliseEmail(email));
      return row === undefined ? null : toStaffUser(row);
    },
  };
  return service;
}
