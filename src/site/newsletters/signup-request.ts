import { toSafeNextPath } from '../../features/members/member-sign-in.service.js';

/** A sign-up as it arrives from a form or JSON, read leniently so any bad input keeps the form. */
export interface SignupFields {
  readonly email: string;
  readonly newsletters: string[];
  readonly source: string;
  readonly honeypot: string;
  readonly csrf: string | null;
  /** What was wrong with the shape of the request, if anything. */
  readonly problem: { field: 'email' | 'newsletters'; message: string } | null;
}

function text(value: unknown, max: number): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string' || value.length > max) return null;
  return value;
}

export function readSignupFields(body: unknown): SignupFields {
  const fields =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  const email = text(fields.email, 320);
  const listed = fields.newsletters;
  const raw = Array.isArray(listed) ? listed : listed === undefined ? [] : [listed];
  const newsletters = raw
    .filter((v): v is string => typeof v === 'string' && v.length <= 100)
    .slice(0, 20);
  const source = toSafeNextPath(text(fields.source, 500)) ?? '/';
  const problem =
    email === null
      ? {
          field: 'email' as const,
          message: 'Please enter a correct e-mail address, such as name@example.com.',
        }
      : newsletters.length !== raw.length
        ? { field: 'newsletters' as const, message: 'Choose newsletters from the list.' }
        : null;
  return {
    email: (email ?? '').slice(0, 320),
    newsletters,
    source,
    honeypot: text(fields.website, 500) ?? 'filled',
    csrf: typeof fields.csrf === 'string' ? fields.csrf.slice(0, 200) : null,
    problem,
  };
}
