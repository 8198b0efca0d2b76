import { describe, expect, it } from 'vitest';
import {
  decideBriefingEntries,
  decideBriefingPosts,
  decideBriefingWindow,
  decideNextBriefing,
  toBriefingDraft,
} from './briefing.js';
import { toLocalDay, toLocalInstant } from './briefing-day.js';

const at = (iso: string) => new Date(iso);
const hours = (window: { from: Date; to: Date }) =>
  (window.to.getTime() - window.from.getTime()) / 3600_000;

describe('when the daily briefing is drafted and which day it covers', () => {
  it('drafts at six in the morning in New York, in winter and in summer', () => {
    expect(decideNextBriefing(at('2026-01-15T15:00:00Z'), 'America/New_York')).toEqual({
      day: '2026-01-16',
      runAt: at('2026-01-16T11:00:00Z'),
    });
    expect(decideNextBriefing(at('2026-07-15T09:00:00Z'), 'America/New_York')).toEqual({
      day: '2026-07-15',
      runAt: at('2026-07-15T10:00:00Z'),
    });
  });

  it('counts the day by the newsroom’s clock, not by UTC', () => {
    // 22:00 on 20 November in New York is already the 21st in UTC.
    expect(decideNextBriefing(at('2026-11-21T03:00:00Z'), 'America/New_York')).toEqual({
      day: '2026-11-21',
      runAt: at('2026-11-21T11:00:00Z'),
    });
    // 05:59 on 21 November in Tokyo is still the 20th in UTC.
    expect(decideNextBriefing(at('2026-11-20T20:59:00Z'), 'Asia/Tokyo')).toEqual({
      day: '2026-11-21',
      runAt: at('2026-11-20T21:00:00Z'),
    });
    expect(decideBriefingWindow('2026-11-21', 'Asia/Tokyo')).toEqual({
      from: at('2026-11-19T15:00:00Z'),
      to: at('2026-11-20T15:00:00Z'),
    });
  });

  it('moves to the next morning once the hour has come', () => {
    expect(decideNextBriefing(at('2026-11-20T21:00:00Z'), 'Asia/Tokyo')).toEqual({
      day: '2026-11-22',
      runAt: at('2026-11-21T21:00:00Z'),
    });
  });

  it('keeps six o’clock local across the spring and autumn changes in New York', () => {
    // Clocks go forward on 8 March 2026: the day before is 06:00 EST, the day itself 06:00 EDT.
    expect(decideNextBriefing(at('2026-03-07T12:00:00Z'), 'America/New_York')).toEqual({
      day: '2026-03-08',
      runAt: at('2026-03-08T10:00:00Z'),
    });
    // Clocks go back on 1 November 2026: the morning after 06:00 EDT is 25 hours later.
    expect(decideNextBriefing(at('2026-10-31T10:00:00Z'), 'America/New_York')).toEqual({
      day: '2026-11-01',
      runAt: at('2026-11-01T11:00:00Z'),
    });
  });

  it('covers the whole local day before, 23 hours in spring and 25 in autumn', () => {
    const spring = decideBriefingWindow('2026-03-09', 'America/New_York');
    expect(spring).toEqual({
      from: at('2026-03-08T05:00:00Z'),
      to: at('2026-03-09T04:00:00Z'),
    });
    expect(hours(spring)).toBe(23);
    const autumn = decideBriefingWindow('2026-11-02', 'America/New_York');
    expect(autumn).toEqual({
      from: at('2026-11-01T04:00:00Z'),
      to: at('2026-11-02T05:00:00Z'),
    });
    expect(hours(autumn)).toBe(25);
    expect(hours(decideBriefingWindow('2026-11-02', 'UTC'))).toBe(24);
  });

  it('reads a skipped hour as past the change and a repeated hour as its first time', () => {
    expect(toLocalInstant('2026-03-08', 2, 'America/New_York')).toEqual(at('2026-03-08T07:00:00Z'));
    expect(toLocalInstant('2026-11-01', 1, 'America/New_York')).toEqual(at('2026-11-01T05:00:00Z'));
    expect(toLocalDay(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01');
  });
});

describe('what goes into the daily briefing', () => {
  const window = decideBriefingWindow('2026-11-21', 'Asia/Tokyo');

  it('takes the articles published that local day, newest first', () => {
    const posts = [
      { title: 'Before', status: 'published' as const, publishedAt: at('2026-11-19T14:59:59Z') },
      { title: 'First', status: 'published' as const, publishedAt: at('2026-11-19T15:00:00Z') },
      { title: 'Last', status: 'published' as const, publishedAt: at('2026-11-20T14:59:00Z') },
      { title: 'After', status: 'published' as const, publishedAt: at('2026-11-20T15:00:00Z') },
      { title: 'Unpublished', status: 'draft' as const, publishedAt: at('2026-11-20T01:00:00Z') },
    ];
    expect(decideBriefingPosts(posts, window).map((p) => p.title)).toEqual(['Last', 'First']);
  });

  it('takes only key feed entries of that local day, in the order they were posted', () => {
    const entries = [
      { title: 'Late key', keyEvent: true, publishedAt: at('2026-11-20T12:00:00Z') },
      { title: 'Ordinary', keyEvent: false, publishedAt: at('2026-11-20T10:00:00Z') },
      { title: 'Early key', keyEvent: true, publishedAt: at('2026-11-19T16:00:00Z') },
      { title: 'Key, a day late', keyEvent: true, publishedAt: at('2026-11-20T16:00:00Z') },
    ];
    expect(decideBriefingEntries(entries, window).map((e) => e.title)).toEqual([
      'Early key',
      'Late key',
    ]);
  });

  it('lists key entries after the top stories, each a line with its local time and link', () => {
    const draft = toBriefingDraft({
      newsletterName: 'The Morning Ledger',
      day: '2026-11-21',
      timeZone: 'Asia/Tokyo',
      posts: [{ title: 'Ferries keep the winter timetable', slug: 'ferries', standfirst: '' }],
      entries: [
        {
          title: 'Quay *closed* by storm',
          slug: 'quay-closed',
          publishedAt: at('2026-11-20T00:05:00Z'),
        },
      ],
      entryPath: (slug) => `/news-feed/${slug}`,
    });
    expect(draft.subject).toBe('The Morning Ledger, 21 November 2026');
    expect(draft.markdown).toBe(
      [
        'Good morning. Here is what you need to know today.',
        '## [Ferries keep the winter timetable](/ferries)',
        '## Key moments from the news feed',
        '- 09:05 [Quay \\*closed\\* by storm](/news-feed/quay-closed)',
      ].join('\n\n'),
    );
  });

  it('leaves the news feed heading out on a day without key entries', () => {
    const draft = toBriefingDraft({
      newsletterName: 'Daily',
      day: '2026-11-21',
      timeZone: 'UTC',
      posts: [{ title: 'A story', slug: 'a-story', standfirst: 'In short.' }],
      entries: [],
      entryPath: (slug) => `/news-feed/${slug}`,
    });
    expect(draft.markdown).not.toContain('news feed');
    expect(draft.preheader).toBe('A story');
  });
});
