import type { Post } from '../content/post.js';
import type { FeedEntry } from '../live/feed-entry.js';
import { addDays, toLocalDay, toLocalInstant } from './briefing-day.js';

/** The local hour, in the newsroom's time zone, a daily briefing is drafted: before the morning editor. */
export const briefingHour = 6;
/** Articles in one briefing, newest first. */
export const briefingSize = 5;
/** Key feed entries in one briefing, in the order they were posted. */
export const briefingKeyEntries = 10;

/** The span a briefing covers: the newsroom's previous local day, `[from, to)`. */
export interface BriefingWindow {
  readonly from: Date;
  readonly to: Date;
}

/**
 * When the next briefing after `now` is drafted, and the local day it is for: the first
 * `briefingHour` o'clock in the newsroom's time zone after `now`.
 */
export function decideNextBriefing(now: Date, timeZone: string): { day: string; runAt: Date } {
  const today = toLocalDay(now, timeZone);
  const runAt = toLocalInstant(today, briefingHour, timeZone);
  if (runAt.getTime() > now.getTime()) return { day: today, runAt };
  const day = addDays(today, 1);
  return { day, runAt: toLocalInstant(day, briefingHour, timeZone) };
}

/** The briefing of `day` covers the local day before it, midnight to midnight (23 or 25 hours across a DST change). */
export function decideBriefingWindow(day: string, timeZone: string): BriefingWindow {
  return {
    from: toLocalInstant(addDays(day, -1), 0, timeZone),
    to: toLocalInstant(day, 0, timeZone),
  };
}

function isWithin(at: Date, window: BriefingWindow): boolean {
  return at.getTime() >= window.from.getTime() && at.getTime() < window.to.getTime();
}

/** The top stories of a briefing: the newest articles published in its window. */
export function decideBriefingPosts<P extends Pick<Post, 'status' | 'publishedAt'>>(
  posts: readonly P[],
  window: BriefingWindow,
): P[] {
  return posts
    .filter((p) => p.status === 'published' && p.publishedAt !== null)
    .filter((p) => p.publishedAt !== null && isWithin(p.publishedAt, window))
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
    .slice(0, briefingSize);
}

/** The key moments of a briefing: key feed entries posted in its window, oldest first. */
export function decideBriefingEntries<E extends Pick<FeedEntry, 'keyEvent' | 'publishedAt'>>(
  entries: readonly E[],
  window: BriefingWindow,
): E[] {
  return entries
    .filter((e) => e.keyEvent && isWithin(e.publishedAt, window))
    .sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime())
    .slice(0, briefingKeyEntries);
}

export interface BriefingContent {
  readonly newsletterName: string;
  /** The local day the briefing is for, `YYYY-MM-DD`. */
  readonly day: string;
  readonly timeZone: string;
  readonly posts: readonly Pick<Post, 'title' | 'slug' | 'standfirst'>[];
  readonly entries: readonly Pick<FeedEntry, 'title' | 'slug' | 'publishedAt'>[];
  /** The reader-site path of a feed entry. */
  readonly entryPath: (slug: string) => string;
}

const escape = (text: string) => text.replace(/([\\`*_[\]<>#])/g, '\\$1');

/**
 * The draft's subject, preheader and Markdown body: each article's headline, linked, and
 * standfirst; then, under their own heading, one line per key feed entry with its local
 * time, linked to the entry.
 */
export function toBriefingDraft(content: BriefingContent): {
  subject: string;
  preheader: string;
  markdown: string;
} {
  const { posts, entries } = content;
  const date = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${content.day}T12:00:00.000Z`));
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: content.timeZone,
  });
  const stories = posts.map((p) =>
    [
      `## [${escape(p.title)}](/${p.slug})`,
      ...(p.standfirst === '' ? [] : [escape(p.standfirst)]),
    ].join('\n\n'),
  );
  const keyMoments =
    entries.length === 0
      ? []
      : [
          '## Key moments from the news feed',
          entries
            .map(
              (e) =>
                `- ${time.format(e.publishedAt)} [${escape(e.title)}](${content.entryPath(e.slug)})`,
            )
            .join('\n'),
        ];
  return {
    subject: `${content.newsletterName}, ${date}`,
    preheader: posts[0]?.title ?? entries[0]?.title ?? '',
    markdown: [
      'Good morning. Here is what you need to know today.',
      ...stories,
      ...keyMoments,
    ].join('\n\n'),
  };
}
