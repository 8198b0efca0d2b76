/**
 * Dates for staff, in the site's time zone (set once the CMS has read the site settings)
 * and the browser's language, always labelled with the zone so nobody guesses.
 */
let siteTimeZone: string | null = null;

export function setSiteTimeZone(zone: string): void {
  siteTimeZone = zone;
}

/** The zone times are shown in: the site's, or the browser's until the settings are read. */
export function shownTimeZone(): string {
  return siteTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function formatDateTime(iso: string | null): string {
  if (iso === null) return '—';
  const zone = shownTimeZone();
  const text = new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  }).format(new Date(iso));
  return `${text} (${zone})`;
}

export const statusLabels = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
} as const;
