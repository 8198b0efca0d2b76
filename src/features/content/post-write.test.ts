import { describe, expect, it } from 'vitest';
import { decideSlugSource } from './post-write.js';

const draft = {
  status: 'draft' as const,
  publishedAt: null,
  slug: 'storm-hits',
  title: 'Storm hits',
};

describe('where a save takes its slug from', () => {
  it('makes a new post’s slug from its headline, or checks the one asked for', () => {
    expect(decideSlugSource(null, { title: '  Flood warning ' })).toEqual({
      kind: 'asked',
      wanted: undefined,
      title: 'Flood warning',
    });
    expect(decideSlugSource(null, {})).toMatchObject({ kind: 'asked', title: 'untitled' });
    expect(decideSlugSource(draft, { slug: 'my-own' })).toMatchObject({
      kind: 'asked',
      wanted: 'my-own',
    });
  });

  it('lets an unpublished draft’s slug follow a new headline', () => {
    expect(decideSlugSource(draft, { title: 'Storm hits the harbour' })).toEqual({
      kind: 'follows-title',
      title: 'Storm hits the harbour',
      own: 'storm-hits',
    });
  });

  it('keeps the slug readers have seen, and one somebody chose', () => {
    const published = { ...draft, status: 'published' as const, publishedAt: new Date() };
    expect(decideSlugSource(published, { title: 'New headline' })).toEqual({
      kind: 'kept',
      slug: 'storm-hits',
    });
    const chosen = { ...draft, slug: 'chosen-by-hand' };
    expect(decideSlugSource(chosen, { title: 'New headline' })).toEqual({
      kind: 'kept',
      slug: 'chosen-by-hand',
    });
  });
});
