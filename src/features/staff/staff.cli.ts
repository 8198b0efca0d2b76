import { AppError } from '../../platform/errors.js';
import type { ApiTokenService } from './api-token.service.js';
import { systemActor } from './actor.js';
import { generatePassword } from './password.js';
import { isRole, roles, type Role } from './role.js';
import type { StaffUser } from './staff-user.js';
import type { StaffService } from './staff.service.js';

export interface StaffCliServices {
  readonly staff: StaffService;
  readonly tokens: ApiTokenService;
}

/** Where the commands write for a person to read. */
export type CliOutput = (line: string) => void;

const printLine: CliOutput = (line) => {
  process.stdout.write(`${line}\n`);
};

function toCliRole(value: string): Role {
  if (!isRole(value)) {
    throw new AppError('validation_failed', `The role must be one of: ${roles.join(', ')}.`, [
      { field: 'role', message: `must be one of ${roles.join(', ')}` },
    ]);
  }
  return value;
}

/** `masthead staff create`: without --password one is generated and printed once. */
export async function runStaffCreate(
  services: Pick<StaffCliServices, 'staff'>,
  args: { email: string; name: string; role: string; password?: string },
  print: CliOutput = printLine,
): Promise<StaffUser> {
  const password = args.password ?? generatePassword();
  const user = await services.staff.createStaff(systemActor, {
    email: args.email,
    name: args.name,
    role: toCliRole(args.role),
    password,
  });
  print(`Created ${user.role} ${user.name} <${user.email}>.`);
  if (args.password === undefined) {
    print(`Password: ${password}`);
    print('It is shown only now. Sign in and change it.');
  }
  return user;
}

/** `masthead token create`: returns the token for the CLI to print alone on stdout. */
export async function runTokenCreate(
  services: Pick<StaffCliServices, 'tokens'>,
  args: { name: string; role: string },
): Promise<string> {
  const created = await services.tokens.createToken(systemActor, {
    name: args.name,
    role: toCliRole(args.role),
    userId: null,
  });
  return created.token;
}
