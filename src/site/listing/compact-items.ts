import { sectionOf, type Post } from '../../features/content/post.js';
import { sitePaths } from '../site-urls.js';
import type { CompactItem } from './compact-list.js';

export function toCompactItems(posts: readonly Post[]): CompactItem[] {
  return posts.map((post) => ({
    url: sitePaths.article(post.slug),
    title: post.title,
    meta: sectionOf(post)?.name ?? '',
  }));
}
