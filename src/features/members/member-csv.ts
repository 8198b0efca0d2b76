import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isEmailAddress, normaliseEmail } from '../staff/email-address.js';
import { isMemberStatus, memberStatuses, type Member, type MemberStatus } from './member.js';

/** One member to import, as read from a CSV line. */
export interface ImportRow {
  readonly line: number;
  readonly email: string;
  readonly name: string;
  readonly labels: readonly string[];
  readonly status: MemberStatus;
}

export interface ImportProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedImport {
  readonly rows: readonly ImportRow[];
  readonly problems: readonly ImportProblem[];
}

export const csvColumns = ['email', 'name', 'labels', 'status'] as const;
export const maxLabelLength = 60;
const maxNameLength = 200;

/** Labels are trimmed and compared as typed; several in one cell are separated by `;` or `|`. */
export function toLabels(cell: string): string[] {
  const labels = cell
    .split(/[;|]/)
    .map((label) => label.trim().replace(/\s+/g, ' '))
    .filter((label) => label !== '');
  return [...new Set(labels)];
}

/**
 * Reads a members CSV: a header row naming at least `email` (and any of name, labels,
 * status, in any order), then one member a line. Every bad line is reported by its line
 * number; good lines are returned whatever the bad ones.
 */
export function parseMemberCsv(text: string): ParsedImport {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line =
      typeof error === 'object' &&
      error !== null &&
      'lines' in error &&
      typeof error.lines === 'number'
        ? error.lines
        : 1;
    return {
      rows: [],
      problems: [{ line, message: 'the file is not valid CSV here (check the quotes)' }],
    };
  }
  const [header, ...body] = records;
  if (header === undefined)
    return { rows: [], problems: [{ line: 1, message: 'the file is empty' }] };
  const names = header.record.map((cell) => cell.toLowerCase().trim());
  const column = (name: string) => names.indexOf(name);
  const emailAt = column('email');
  if (emailAt < 0) {
    return {
      rows: [],
      problems: [
        { line: header.info.lines, message: 'the first line must name an "email" column' },
      ],
    };
  }
  const nameAt = column('name');
  const labelsAt = column('labels');
  const statusAt = column('status');
  const cell = (record: string[], at: number): string => (at < 0 ? '' : (record[at] ?? ''));

  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const email = normaliseEmail(cell(record, emailAt));
    const name = cell(record, nameAt);
    const statusText = cell(record, statusAt).toLowerCase() || 'free';
    const labels = toLabels(cell(record, labelsAt));
    if (email === '') {
      problems.push({ line, message: 'the e-mail address is missing' });
    } else if (!isEmailAddress(email)) {
      problems.push({ line, message: `"${email}" is not an e-mail address` });
    } else if (seen.has(email)) {
      problems.push({ line, message: `${email} is already on line ${seen.get(email) ?? 0}` });
    } else if (!isMemberStatus(statusText)) {
      problems.push({
        line,
        message: `status "${statusText}" is not one of ${memberStatuses.join(', ')}`,
      });
    } else if (name.length > maxNameLength) {
      problems.push({ line, message: `the name is longer than ${maxNameLength} characters` });
    } else if (labels.some((label) => label.length > maxLabelLength)) {
      problems.push({ line, message: `a label is longer than ${maxLabelLength} characters` });
    } else {
      seen.set(email, line);
      rows.push({ line, email, name, labels, status: statusText });
    }
  }
  return { rows, problems };
}

/** A cell a spreadsheet would run as a formula is kept as text. */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Members as CSV, in the columns the import reads back, plus when each signed up. */
export function toMemberCsv(members: readonly Member[]): string {
  return stringify([
    [...csvColumns, 'status_until', 'created_at'],
    ...members.map((m) => [
      m.email,
      safeCell(m.name),
      safeCell(m.labels.join(';')),
      m.status,
      m.statusUntil?.toISOString() ?? '',
      m.createdAt.toISOString(),
    ]),
  ]);
}
