/** The newsroom's own settings, edited by administrators. */
export interface SiteSettings {
  readonly title: string;
  readonly description: string;
  /** IANA time zone for dates shown to readers. */
  readonly timezone: string;
  /** BCP 47 language tag of the site, e.g. `en-GB`. */
  readonly locale: string;
  readonly logoMediaId: string | null;
  readonly accentColor: string;
  /** Links in the site header, in order. */
  readonly navigation: readonly { readonly label: string; readonly url: string }[];
  readonly social: { readonly x: string; readonly facebook: string; readonly instagram: string };
  /** What feeds carry of each post: the whole body, or the standfirst (or an excerpt). */
  readonly feedContent: 'full' | 'excerpt';
  /** Whether signing in with an unknown address makes a free member. */
  readonly allowMemberSignups: boolean;
}

export const defaultSiteSettings: SiteSettings = {
  title: 'Masthead',
  description: 'Independent journalism, funded by readers.',
  timezone: 'UTC',
  locale: 'en-GB',
  logoMediaId: null,
  accentColor: '#b3261e',
  navigation: [],
  social: { x: '', facebook: '', instagram: '' },
  feedContent: 'full',
  allowMemberSignups: true,
};
