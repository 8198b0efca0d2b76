import type { Post } from '../../features/content/post.js';
import type { PostService } from '../../features/content/post.service.js';
import type { Actor } from '../../features/staff/actor.js';
import type { ManualClock } from '../../platform/clock.js';

const minuteMs = 60_000;

/**
 * A history worth looking at in the demo: the writer polishes the standfirst in one
 * sitting, and an editor sharpens the headline an hour later, so the Revisions panel shows
 * two editing sessions by two named people.
 */
export async function seedDemoRevisions(
  posts: PostService,
  clock: ManualClock,
  post: Post,
  writer: Actor,
  editor: Actor,
): Promise<void> {
  const start = clock.now().getTime() + 5 * minuteMs;
  const edits: [Actor, number, { title?: string; standfirst?: string }][] = [
    [writer, 0, { standfirst: `${post.standfirst} Updated with the latest figures.` }],
    [
      writer,
      3,
      { standfirst: `${post.standfirst} Updated with the latest figures from the council.` },
    ],
    [editor, 70, { title: `${post.title}: what changes now` }],
  ];
  for (const [actor, minutes, input] of edits) {
    clock.set(new Date(start + minutes * minuteMs));
    await posts.updatePost(actor, post.id, input);
  }
  await posts.applyPendingChanges(editor, post.id);
}
