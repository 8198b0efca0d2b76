import { describe, expect, it } from 'vitest';
import { toStaffSlug } from './staff-slug.js';

describe('toStaffSlug', () => {
  it('turns a name into lowercase words joined by dashes', () => {
    expect(toStaffSlug('  Mary-Jane  O’Brien ')).toBe('mary-jane-o-brien');
  });

  it('drops accents but keeps letters of other scripts', () => {
    expect(toStaffSlug('Zoë Müller')).toBe('zoe-muller');
    expect(toStaffSlug('Олена Шевчук')).toBe('олена-шевчук');
  });

  it('falls back to "staff" when a name has no letters or digits', () => {
    expect(toStaffSlug('***')).toBe('staff');
  });
});
