import { describe, expect, it } from 'vitest';
import { resolveClash, type Side } from './field-merge.js';

const body = (text: string) => ({
  version: 1 as const,
  blocks: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
});
const side = (changes: Partial<Side['form']>, text = 'Body'): Side => ({
  form: {
    title: 'Base headline',
    standfirst: 'Base standfirst',
    slug: 'base',
    visibility: 'public',
    tags: [],
    authors: [{ id: 'u1', slug: 'ana', name: 'Ana' }],
    featureImage: null,
    seoTitle: '',
    seoDescription: '',
    ...changes,
  },
  body: body(text),
});

describe('resolving a clash field by field', () => {
  it('keeps the chosen side of each clash and merges the rest', () => {
    const base = side({});
    const mine = side({ title: 'My headline', seoTitle: 'My search title' }, 'My body');
    const theirs = side({ title: 'Their headline', standfirst: 'Their standfirst' });
    const resolved = resolveClash(base, mine, theirs, { title: 'theirs' });
    expect(resolved.form.title).toBe('Their headline');
    expect(resolved.form.standfirst).toBe('Their standfirst');
    expect(resolved.form.seoTitle).toBe('My search title');
    expect(resolved.body).toEqual(body('My body'));
  });

  it('keeps mine where I chose mine', () => {
    const base = side({});
    const mine = side({ title: 'My headline' });
    const theirs = side({ title: 'Their headline' });
    expect(resolveClash(base, mine, theirs, { title: 'mine' }).form.title).toBe('My headline');
  });
});
