/**
 * Revisions grouped by editing session: consecutive saves by the same person with no more
 * than `gapMs` between one and the next form one session, so a morning of autosaves reads
 * as one line of history rather than two hundred.
 */

export interface RevisionEntry {
  readonly revision: number;
  readonly savedBy: string;
  readonly savedByName: string;
  readonly savedAt: Date;
}

export interface RevisionSession<R extends RevisionEntry> {
  readonly savedBy: string;
  readonly savedByName: string;
  readonly from: Date;
  readonly to: Date;
  /** Newest first. */
  readonly revisions: readonly R[];
}

export const sessionGapMs = 30 * 60 * 1000;

/** Groups revisions into sessions, newest session first; any input order is accepted. */
export function groupRevisionSessions<R extends RevisionEntry>(
  revisions: readonly R[],
  gapMs = sessionGapMs,
): RevisionSession<R>[] {
  const oldestFirst = [...revisions].sort((a, b) => a.revision - b.revision);
  const sessions: { savedBy: string; savedByName: string; items: R[] }[] = [];
  for (const revision of oldestFirst) {
    const open = sessions[sessions.length - 1];
    const last = open?.items[open.items.length - 1];
    if (
      open !== undefined &&
      last !== undefined &&
      open.savedBy === revision.savedBy &&
      revision.savedAt.getTime() - last.savedAt.getTime() <= gapMs
    ) {
      open.items.push(revision);
    } else {
      sessions.push({
        savedBy: revision.savedBy,
        savedByName: revision.savedByName,
        items: [revision],
      });
    }
  }
  return sessions.reverse().map((s) => ({
    savedBy: s.savedBy,
    savedByName: s.savedByName,
    from: s.items[0]?.savedAt ?? new Date(0),
    to: s.items[s.items.length - 1]?.savedAt ?? new Date(0),
    revisions: [...s.items].reverse(),
  }));
}
