/**
 * The author-page slug for a name: lowercase letters and digits joined by dashes. Letters
 * of any script are kept (a Ukrainian name keeps its Cyrillic slug); accents are dropped.
 */
export function toStaffSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'staff' : slug;
}
