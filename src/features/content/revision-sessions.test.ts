import { describe, expect, it } from 'vitest';
import { groupRevisionSessions } from './revision-sessions.js';

const at = (minutes: number) => new Date(Date.UTC(2026, 0, 5, 7, minutes));
const save = (revision: number, who: string, minutes: number) => ({
  revision,
  savedBy: `user:${who}`,
  savedByName: who,
  savedAt: at(minutes),
});

describe('revisions grouped by editing session', () => {
  it('puts consecutive saves by one person within half an hour in one session', () => {
    const sessions = groupRevisionSessions([
      save(1, 'Ana', 0),
      save(2, 'Ana', 1),
      save(3, 'Ana', 29),
      save(4, 'Ana', 60),
      save(5, 'Bo', 61),
      save(6, 'Ana', 62),
    ]);
    expect(sessions.map((s) => [s.savedByName, s.revisions.map((r) => r.revision)])).toEqual([
      ['Ana', [6]],
      ['Bo', [5]],
      ['Ana', [4]],
      ['Ana', [3, 2, 1]],
    ]);
    expect(sessions[3]?.from).toEqual(at(0));
    expect(sessions[3]?.to).toEqual(at(29));
  });

  it('has no sessions without revisions', () => {
    expect(groupRevisionSessions([])).toEqual([]);
  });
});
