import { describe, expect, it } from 'vitest';
import { decideFreeSlug, isValidSlug, slugify } from './slug.js';

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

  it('skips reserved system words and taken slugs', async () => {
    const taken = new Set(['search-2']);
    expect(await decideFreeSlug('search', (s) => Promise.resolve(taken.has(s)))).toBe('search-3');
    expect(await decideFreeSlug('admin', () => Promise.resolve(false))).toBe('admin-2');
  });

  it('accepts only lowercase words joined by single hyphens', () => {
    expect(isValidSlug('a-good-slug')).toBe(true);
    expect(isValidSlug('Bad Slug')).toBe(false);
    expect(isValidSlug('double--hyphen')).toBe(false);
  });
});
