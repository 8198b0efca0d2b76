import { describe, expect, it } from 'vitest';
import { decideFreeSlug, toSlugFamily } from '../../platform/free-slug.js';
import { isValidSlug, reservedSlugs, slugify } from './slug.js';

describe('slugs', () => {
  it('turns a headline into a lowercase, hyphenated slug without accents or quotes', () => {
    expect(slugify('Kyiv’s Night Trains Run Again!')).toBe('kyivs-night-trains-run-again');
    expect(slugify('Café  über — déjà vu')).toBe('cafe-uber-deja-vu');
  });

  it('writes Cyrillic headlines in Latin letters so URLs stay readable everywhere', () => {
    expect(slugify('Новини дня')).toBe('novyny-dnia');
  });

  it('cuts a long headline at a word boundary of at most 80 characters', () => {
    const headline =
      'Regional council approves the long-delayed harbour bridge after a night of debate, ' +
      'protests outside and a last-minute amendment';
    const slug = slugify(headline);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('regional-council-approves-the-long-delayed-harbour-bridge-after-a-night-of');
    expect(isValidSlug(slug)).toBe(true);
  });

  it('cuts one endless word where it must', () => {
    expect(slugify('a'.repeat(200))).toBe('a'.repeat(80));
  });

  it('gives "untitled" for a headline with no letters', () => {
    expect(slugify('!!!')).toBe('untitled');
  });

  it('skips reserved system words and taken slugs', () => {
    expect(decideFreeSlug('search', new Set(['search-2', ...reservedSlugs]))).toBe('search-3');
    expect(decideFreeSlug('admin', new Set(reservedSlugs))).toBe('admin-2');
  });

  it('takes the lowest free number however many are taken, ignoring unrelated slugs', () => {
    const taken = new Set(['entry', 'entry-night', 'entry-02']);
    for (let n = 2; n <= 1500; n++) if (n !== 777) taken.add(`entry-${n}`);
    expect(decideFreeSlug('entry', taken)).toBe('entry-777');
    taken.add('entry-777');
    expect(decideFreeSlug('entry', taken)).toBe('entry-1501');
  });

  it('cuts a long base so the number still fits, and finds its family with one pattern', () => {
    const base = 'a'.repeat(120);
    const slug = decideFreeSlug(base, new Set([base]));
    expect(slug.length).toBeLessThanOrEqual(120);
    expect(slug).toMatch(/^a+-2$/);
    expect(slug.startsWith(toSlugFamily(base).like.slice(0, -1))).toBe(true);
  });

  it('gives a random suffix when a race was lost', () => {
    expect(decideFreeSlug('entry', new Set(), 'random-suffix')).toMatch(/^entry-[0-9a-z]{6}$/);
  });

  it('accepts only lowercase words joined by single hyphens', () => {
    expect(isValidSlug('a-good-slug')).toBe(true);
    expect(isValidSlug('Bad Slug')).toBe(false);
    expect(isValidSlug('double--hyphen')).toBe(false);
  });
});
