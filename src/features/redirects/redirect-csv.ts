import { CsvError, parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Redirect } from './redirect.js';

/** One data line of an imported file, with its line number for messages. */
export interface CsvRedirectLine {
  readonly line: number;
  readonly from: string;
  readonly to: string;
  readonly status: string;
}

export const maxImportedRedirects = 10_000;

export type ParsedCsv =
  | { readonly ok: true; readonly lines: readonly CsvRedirectLine[] }
  | { readonly ok: false; readonly message: string };

/**
 * Reads `from,to,status` lines; the header line is optional and the status defaults to
 * 301. This is the file the export writes, so an export imports back unchanged.
 */
export function parseRedirectCsv(text: string): ParsedCsv {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      return { ok: false, message: `The file is not valid CSV: ${error.message}` };
    }
    throw error;
  }
  const first = records[0];
  const hasHeader = first !== undefined && first[0]?.toLowerCase() === 'from';
  const data = hasHeader ? records.slice(1) : records;
  if (data.length === 0) return { ok: false, message: 'The file holds no redirects.' };
  if (data.length > maxImportedRedirects) {
    return {
      ok: false,
      message: `The file holds ${data.length} redirects; import at most ${maxImportedRedirects} at a time.`,
    };
  }
  return {
    ok: true,
    lines: data.map((record, index) => ({
      line: index + (hasHeader ? 2 : 1),
      from: record[0] ?? '',
      to: record[1] ?? '',
      status: record[2] ?? '',
    })),
  };
}

export function toRedirectCsv(redirects: readonly Redirect[]): string {
  return stringify(
    redirects.map((redirect) => [redirect.fromPath, redirect.toUrl, redirect.status]),
    { header: true, columns: ['from', 'to', 'status'] },
  );
}
