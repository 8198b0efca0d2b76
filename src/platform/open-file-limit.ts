import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Assumed when the limit cannot be read: the common default of Linux and macOS shells. */
export const assumedOpenFileLimit = 1024;

/** The soft limit from the text of `/proc/self/limits`; undefined when it is not there. */
export function parseOpenFileLimit(limitsText: string): number | undefined {
  const match = /^Max open files\s+(\d+|unlimited)\s/m.exec(limitsText);
  if (match === null) return undefined;
  return match[1] === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(match[1]);
}

/**
 * How many files and sockets this process may hold open at once (the soft limit, as
 * `ulimit -n` shows it). Node has no call for it: Linux lists it in /proc; elsewhere a
 * shell started by this process inherits the limit and prints it. Read once, at start.
 */
export function readOpenFileLimit(): number {
  try {
    const fromProc = parseOpenFileLimit(readFileSync('/proc/self/limits', 'utf8'));
    if (fromProc !== undefined) return fromProc;
  } catch {
    // Not Linux: ask a shell.
  }
  try {
    const text = execFileSync('/bin/sh', ['-c', 'ulimit -n'], { encoding: 'utf8', timeout: 2_000 });
    const trimmed = text.trim();
    if (trimmed === 'unlimited') return Number.MAX_SAFE_INTEGER;
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
  } catch {
    // No shell either: assume the usual default.
  }
  return assumedOpenFileLimit;
}
