import { invalid } from '../../platform/errors.js';
import type { Post, PostStatus } from './post.js';

export interface ScheduleRequest {
  readonly status?: PostStatus | undefined;
  readonly publishedAt?: Date | undefined;
}

/**
 * The status and live time a save asks for. Publishing keeps the time the post first
 * went live, so a republished story does not jump back to the top, unless the editor
 * gives another; a time in the future schedules. Unscheduling forgets the time that never
 * came, so a draft's `publishedAt` is always a time it was live.
 */
export function decideSchedule(
  input: ScheduleRequest,
  current: Pick<Post, 'status' | 'publishedAt'> | null,
  now: Date,
): { status: PostStatus; publishedAt: Date | null } {
  const status = input.status ?? current?.status ?? 'draft';
  const requested = input.publishedAt ?? current?.publishedAt ?? null;
  if (status === 'draft') {
    const wasScheduled = current?.status === 'scheduled';
    return { status, publishedAt: wasScheduled ? null : (current?.publishedAt ?? null) };
  }
  if (status === 'scheduled') {
    if (input.publishedAt === undefined && current?.status !== 'scheduled') {
      throw invalid([{ field: 'published_at', message: 'give the time the post should go live' }]);
    }
    if (requested === null || requested.getTime() <= now.getTime()) {
      throw invalid([{ field: 'published_at', message: 'a scheduled time must be in the future' }]);
    }
    return { status, publishedAt: requested };
  }
  // Publishing with a future time schedules; an earlier time is kept (back-dating a story).
  if (input.publishedAt !== undefined && input.publishedAt.getTime() > now.getTime()) {
    return { status: 'scheduled', publishedAt: input.publishedAt };
  }
  return {
    status: 'published',
    publishedAt: input.publishedAt ?? keptLiveTime(current, now) ?? now,
  };
}

/** The time a post went live before, when it has one: published now, or live once. */
function keptLiveTime(
  current: Pick<Post, 'status' | 'publishedAt'> | null,
  now: Date,
): Date | null {
  if (current === null || current.status === 'scheduled' || current.publishedAt === null) {
    return null;
  }
  return current.publishedAt.getTime() <= now.getTime() ? current.publishedAt : null;
}
