import { describe, expect, it } from 'vitest';
import { canonical, decideMerge, type MergeVersion } from './post-merge.js';

const base: MergeVersion = {
  title: 'Ferry strike ends',
  standfirst: 'Crews return on Monday.',
  slug: 'ferry-strike-ends',
  body: { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'A' }] }] },
  visibility: 'public',
  featureImage: null,
  seoTitle: '',
  seoDescription: '',
  tags: ['transport'],
  authors: ['u1'],
};

describe('merging a save that started from an older revision', () => {
  it('merges fields that only one side changed', () => {
    const theirs = { ...base, standfirst: 'Crews return on Tuesday.' };
    const decision = decideMerge(base, theirs, { ...base, title: 'Ferry strike is over' });
    expect(decision).toEqual({ kind: 'merged', mine: ['title'], theirs: ['standfirst'] });
  });

  it('lists the fields both sides changed differently', () => {
    const theirs = { ...base, title: 'Strike over', seoTitle: 'Strike' };
    const decision = decideMerge(base, theirs, { ...base, title: 'Ferries back', seoTitle: 'x' });
    expect(decision).toEqual({ kind: 'clash', fields: ['title', 'seoTitle'] });
  });

  it('is no clash when both sides made the same change', () => {
    const theirs = { ...base, title: 'Strike over' };
    expect(decideMerge(base, theirs, { title: 'Strike over' }).kind).toBe('merged');
  });

  it('leaves fields the save did not send as they are stored', () => {
    const theirs = { ...base, tags: ['transport', 'unions'] };
    expect(decideMerge(base, theirs, { seoDescription: 'New' })).toEqual({
      kind: 'merged',
      mine: ['seoDescription'],
      theirs: ['tags'],
    });
  });

  it('compares body documents whatever the order of their keys', () => {
    const reordered = {
      blocks: [{ content: [{ text: 'A', type: 'text' }], type: 'paragraph' }],
      version: 1,
    };
    expect(canonical(reordered)).toBe(canonical(base.body));
    const theirs = { ...base, title: 'Changed' };
    expect(decideMerge(base, theirs, { ...base, body: reordered })).toEqual({
      kind: 'merged',
      mine: [],
      theirs: ['title'],
    });
  });
});
