import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { isEmailAddress, normaliseEmail } from '../staff/email-address.js';

/** One subscriber to import, as read from a CSV line. */
export interface SubscriberImportRow {
  readonly line: number;
  readonly email: string;
  /** When and how the reader agreed, as the old system recorded it. */
  readonly consent: string;
}

export interface SubscriberImportProblem {
  readonly line: number;
  readonly message: string;
}

/**
 * Reads a subscribers CSV: a header naming `email` and `consent`, then one address a line.
 * The consent column must say how the reader agreed ("double opt-in 2024-03-01"): a line
 * without it is refused, because mailing people who never agreed is spam.
 */
export function parseSubscriberCsv(text: string): {
  rows: SubscriberImportRow[];
  problems: SubscriberImportProblem[];
} {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch {
    return { rows: [], problems: [{ line: 1, message: 'The file is not valid CSV.' }] };
  }
  const [header = [], ...lines] = records;
  const columns = header.map((cell) => cell.toLowerCase());
  const emailAt = columns.indexOf('email');
  const consentAt = columns.indexOf('consent');
  if (emailAt < 0 || consentAt < 0) {
    return {
      rows: [],
      problems: [
        { line: 1, message: 'The first line must name the columns "email" and "consent".' },
      ],
    };
  }
  const rows: SubscriberImportRow[] = [];
  const problems: SubscriberImportProblem[] = [];
  const seen = new Set<string>();
  lines.forEach((record, index) => {
    const line = index + 2;
    const email = normaliseEmail(record[emailAt] ?? '');
    const consent = (record[consentAt] ?? '').slice(0, 500);
    if (!isEmailAddress(email))
      problems.push({ line, message: `"${email}" is not an e-mail address.` });
    else if (consent === '')
      problems.push({ line, message: `${email} has no consent: say how they agreed.` });
    else if (seen.has(email)) problems.push({ line, message: `${email} appears twice.` });
    else {
      seen.add(email);
      rows.push({ line, email, consent });
    }
  });
  return { rows, problems };
}

export function toSubscriberCsv(
  rows: readonly {
    email: string;
    status: string;
    source: string;
    created_at: string;
    confirmed_at: string | null;
  }[],
): string {
  return stringify(
    rows.map((row) => [row.email, row.status, row.source, row.created_at, row.confirmed_at ?? '']),
    { header: true, columns: ['email', 'status', 'source', 'subscribed_at', 'confirmed_at'] },
  );
}
