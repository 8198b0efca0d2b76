import { describe, expect, it } from 'vitest';
import { findPublishProblems } from './publish-check.js';
import type { PostForm } from './post-form.js';

const ready: PostForm = {
  title: 'The night train is back',
  standfirst: '',
  slug: '',
  visibility: 'public',
  tags: [],
  authors: [{ id: 'u1', slug: 'mira', name: 'Mira' }],
  featureImage: { mediaId: 'm1', url: null, alt: 'A train', caption: '', credit: '' },
  seoTitle: '',
  seoDescription: '',
};
const image = (alt: string) =>
  ({ type: 'image', mediaId: 'm2', src: '', alt, caption: '', credit: '' }) as const;

describe('the check before publishing', () => {
  it('lets a post with a headline, alt texts and an author through', () => {
    expect(findPublishProblems(ready, { version: 1, blocks: [image('A platform')] })).toEqual([]);
  });

  it('asks for a headline, feature alt text, body alt text and an author, under the server’s field names', () => {
    const form: PostForm = {
      ...ready,
      title: '  ',
      authors: [],
      featureImage: { mediaId: 'm1', url: null, alt: '', caption: '', credit: '' },
    };
    const body = {
      version: 1 as const,
      blocks: [{ type: 'divider' as const }, image('ok'), image(' ')],
    };
    expect(findPublishProblems(form, body).map((p) => p.field)).toEqual([
      'title',
      'feature_image.alt',
      'body.blocks[2].alt',
      'authors',
    ]);
    expect(findPublishProblems(form, body)[2]?.message).toBe(
      'Image 2 in the body needs alt text that describes it.',
    );
  });
});
