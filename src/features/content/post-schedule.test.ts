import { describe, expect, it } from 'vitest';
import { decideEditRoute } from './pending-changes.js';
import { doesSlugFollowTitle } from './draft-slug.js';
import { decideSchedule } from './post-schedule.js';

const now = new Date('2026-03-01T09:00:00Z');
const earlier = new Date('2026-02-01T08:00:00Z');
const later = new Date('2026-03-02T08:00:00Z');

describe('when a post goes live', () => {
  it('keeps the first publication time when a post that was live is published again', () => {
    expect(
      decideSchedule({ status: 'published' }, { status: 'draft', publishedAt: earlier }, now),
    ).toEqual({ status: 'published', publishedAt: earlier });
  });

  it('uses the time the editor gives instead, and schedules a future one', () => {
    expect(
      decideSchedule(
        { status: 'published', publishedAt: now },
        { status: 'draft', publishedAt: earlier },
        now,
      ),
    ).toEqual({ status: 'published', publishedAt: now });
    expect(decideSchedule({ status: 'published', publishedAt: later }, null, now)).toEqual({
      status: 'scheduled',
      publishedAt: later,
    });
  });

  it('forgets a scheduled time that never came when the post is unscheduled', () => {
    expect(
      decideSchedule({ status: 'draft' }, { status: 'scheduled', publishedAt: later }, now),
    ).toEqual({ status: 'draft', publishedAt: null });
    expect(
      decideSchedule({ status: 'draft' }, { status: 'published', publishedAt: earlier }, now),
    ).toEqual({ status: 'draft', publishedAt: earlier });
  });

  it('publishes a scheduled post now with the current time, not its planned one', () => {
    expect(
      decideSchedule({ status: 'published' }, { status: 'scheduled', publishedAt: later }, now),
    ).toEqual({ status: 'published', publishedAt: now });
  });
});

describe('where an edit goes', () => {
  it('changes a draft at once and collects a live post’s edits as pending changes', () => {
    expect(decideEditRoute('draft', {})).toBe('live');
    expect(decideEditRoute('published', {})).toBe('pending');
    expect(decideEditRoute('scheduled', {})).toBe('pending');
  });

  it('takes pending changes along when the status or time changes', () => {
    expect(decideEditRoute('published', { status: 'draft' })).toBe('with-pending');
    expect(decideEditRoute('scheduled', { publishedAt: later })).toBe('with-pending');
  });
});

describe('a new draft’s address', () => {
  const draft = { status: 'draft' as const, publishedAt: null, slug: 'fer', title: 'Fer' };

  it('follows the headline until someone chooses a slug or it goes live', () => {
    expect(doesSlugFollowTitle(draft, { title: 'Ferries return' })).toBe(true);
    expect(doesSlugFollowTitle({ ...draft, slug: 'fer-2' }, { title: 'Ferries return' })).toBe(
      true,
    );
    expect(doesSlugFollowTitle({ ...draft, slug: 'my-choice' }, { title: 'Ferries return' })).toBe(
      false,
    );
    expect(doesSlugFollowTitle(draft, { title: 'Ferries return', slug: 'chosen' })).toBe(false);
    expect(doesSlugFollowTitle({ ...draft, publishedAt: earlier }, { title: 'Ferries' })).toBe(
      false,
    );
  });
});
