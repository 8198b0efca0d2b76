import { systemActor } from '../../features/staff/actor.js';
import type { Services } from '../services.js';

const hourMs = 60 * 60 * 1000;

/**
 * What the dashboard shows on the demo's first morning: a draft waiting for review, a post
 * going out later today, and a deleted post in the bin.
 */
export async function seedDemoDesk(services: Services, author: string, now: Date): Promise<void> {
  const { posts, reviews, bin } = services;
  const waiting = await posts.createPost(systemActor, {
    title: 'Night ferry trial extended to the islands',
    standfirst: 'The trial route gets a second boat for the summer.',
    markdown: 'The harbour board agreed on Tuesday to extend the night ferry trial.',
    authors: [author],
  });
  await reviews.submitForReview(systemActor, waiting.id, 'Quotes checked with the board.');
  await posts.createPost(systemActor, {
    title: 'What the new bus timetable means for your commute',
    standfirst: 'Every change, route by route.',
    markdown: 'From Monday, the 12 and the 31 run every ten minutes at peak times.',
    authors: [author],
    status: 'scheduled',
    publishedAt: new Date(now.getTime() + 3 * hourMs),
  });
  const deleted = await posts.createPost(systemActor, {
    title: 'Draft: council minutes, first notes',
    markdown: 'Superseded by the full report.',
    authors: [author],
  });
  await bin.binPost(systemActor, deleted.id);
}
