import { invalid, type FieldProblem } from '../../platform/errors.js';
import { isEmailAddress, normaliseEmail } from './email-address.js';

export const staffTextLimits = { name: 100, jobTitle: 100, bio: 2000 } as const;

/** The editable profile of a staff user, as typed by a person. */
export interface StaffProfileInput {
  readonly email?: string;
  readonly name?: string;
  readonly jobTitle?: string;
  readonly bio?: string;
}

/**
 * Trims and checks the fields that are present, lowercasing the e-mail, and throws one
 * `validation_failed` naming every field that needs another look.
 */
export function toCheckedProfile<T extends StaffProfileInput>(input: T): T {
  const problems: FieldProblem[] = [];
  const checked: { -readonly [K in keyof StaffProfileInput]: string } = {};
  if (input.email !== undefined) {
    checked.email = normaliseEmail(input.email);
    if (!isEmailAddress(checked.email)) {
      problems.push({ field: 'email', message: 'Please enter a correct email address.' });
    }
  }
  if (input.name !== undefined) {
    checked.name = input.name.trim();
    if (checked.name === '') problems.push({ field: 'name', message: 'Please enter a name.' });
  }
  if (input.jobTitle !== undefined) checked.jobTitle = input.jobTitle.trim();
  if (input.bio !== undefined) checked.bio = input.bio.trim();
  for (const field of ['name', 'jobTitle', 'bio'] as const) {
    const value = checked[field];
    if (value !== undefined && value.length > staffTextLimits[field]) {
      problems.push({
        field,
        message: `Please use at most ${staffTextLimits[field]} characters.`,
      });
    }
  }
  if (problems.length > 0) throw invalid(problems);
  return { ...input, ...checked };
}
