/** Dates for staff, in the browser's own time zone and language. */
export function formatDateTime(iso: string | null): string {
  if (iso === null) return '—';
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

export const statusLabels = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
} as const;
