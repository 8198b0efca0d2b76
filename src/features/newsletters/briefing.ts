import type { Post } from '../content/post.js';

/** The hour (UTC) a daily briefing is drafted, so it waits for the morning editor. */
export const briefingHourUtc = 5;
/** Articles in one briefing, newest first. */
export const briefingSize = 5;
const dayMs = 24 * 60 * 60 * 1000;

/** When the next briefing after `now` is drafted, and the day it is for. */
export function decideNextBriefing(now: Date): { day: string; runAt: Date } {
  const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00.000Z`);
  let runAt = new Date(today.getTime() + briefingHourUtc * 3600_000);
  if (runAt.getTime() <= now.getTime()) runAt = new Date(runAt.getTime() + dayMs);
  return { day: runAt.toISOString().slice(0, 10), runAt };
}

/** The articles of a day's briefing: published in the 24 hours before it is drafted. */
export function decideBriefingPosts(posts: readonly Post[], day: string): Post[] {
  const end = new Date(`${day}T00:00:00.000Z`).getTime() + briefingHourUtc * 3600_000;
  return posts
    .filter((p) => p.status === 'published' && p.publishedAt !== null)
    .filter((p) => {
      const at = p.publishedAt?.getTime() ?? 0;
      return at >= end - dayMs && at < end;
    })
    .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
    .slice(0, briefingSize);
}

/** The draft's subject, preheader and Markdown body: each article's headline, linked, and standfirst. */
export function toBriefingDraft(
  newsletterName: string,
  day: string,
  posts: readonly Post[],
): { subject: string; preheader: string; markdown: string } {
  const date = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00.000Z`));
  const escape = (text: string) => text.replace(/([\\`*_[\]<>#])/g, '\\$1');
  return {
    subject: `${newsletterName}, ${date}`,
    preheader: posts[0]?.title ?? '',
    markdown: [
      'Good morning. Here is what you need to know today.',
      ...posts.map((p) =>
        [
          `## [${escape(p.title)}](/${p.slug})`,
          ...(p.standfirst === '' ? [] : [escape(p.standfirst)]),
        ].join('\n\n'),
      ),
    ].join('\n\n'),
  };
}
