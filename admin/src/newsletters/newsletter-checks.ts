import type { NewsletterResource } from '../../../src/features/newsletters/newsletter.schemas.js';

/** What the newsletter form holds while a person types. */
export interface NewsletterFormValues {
  readonly name: string;
  readonly slug: string;
  readonly description: string;
  /** The byline: the correspondent who writes it, in words; empty for none. */
  readonly authorName: string;
  readonly senderName: string;
  readonly senderEmail: string;
  readonly replyTo: string;
  readonly cadence: string;
  readonly audience: NewsletterResource['audience'];
  /** Shown to readers; unticked, the newsletter is archived. */
  readonly active: boolean;
  /** Its place in lists on the reader site, as typed. */
  readonly sortOrder: string;
  readonly briefing: boolean;
}

export type NewsletterFormField = Exclude<
  keyof NewsletterFormValues,
  'briefing' | 'active' | 'audience'
>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The form's own checks, one message per field, the same rules the Admin API applies
 * (`newsletter.schemas.ts`), so a person learns what to fix before saving.
 */
export function checkNewsletterForm(
  values: NewsletterFormValues,
): Partial<Record<NewsletterFormField, string>> {
  const problems: Partial<Record<NewsletterFormField, string>> = {};
  if (values.name.trim() === '') problems.name = 'Give the newsletter a name.';
  else if (values.name.length > 120) problems.name = 'Keep the name under 120 characters.';
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.slug) || values.slug.length > 100) {
    problems.slug = 'Use lower-case letters, digits and single hyphens, such as "daily-briefing".';
  }
  if (values.description.length > 1000) {
    problems.description = 'Keep the description under 1,000 characters.';
  }
  if (values.authorName.length > 120) {
    problems.authorName = 'Keep the byline under 120 characters.';
  }
  if (values.senderName.length > 120) {
    problems.senderName = 'Keep the sender name under 120 characters.';
  }
  if (values.senderEmail !== '' && !emailPattern.test(values.senderEmail)) {
    problems.senderEmail =
      'Enter an e-mail address such as letters@news.example, or leave it empty.';
  }
  if (values.replyTo !== '' && !emailPattern.test(values.replyTo)) {
    problems.replyTo = 'Enter an e-mail address such as editor@news.example, or leave it empty.';
  }
  if (values.cadence.length > 120) problems.cadence = 'Keep the cadence under 120 characters.';
  const order = values.sortOrder.trim();
  if (!/^\d{1,5}$/.test(order) || Number(order) > 10_000) {
    problems.sortOrder = 'Enter a whole number from 0 to 10,000; lower numbers come first.';
  }
  return problems;
}

/** A slug made from a name, for a new newsletter. */
export function toSlug(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}
