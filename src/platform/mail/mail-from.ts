/**
 * The From of Masthead's e-mail: the configured `MASTHEAD_MAIL_FROM`, or else the site
 * title with `newsroom@{site host}` (`"Masthead" <newsroom@localhost>` on a fresh install).
 */
export function decideFromAddress(
  configured: string | null,
  siteTitle: string,
  siteUrl: string,
): string {
  if (configured !== null) return configured;
  const name = siteTitle.replace(/[\r\n]+/g, ' ').trim() || 'Masthead';
  const quoted = name.replace(/["\\]/g, (character) => `\\${character}`);
  return `"${quoted}" <newsroom@${new URL(siteUrl).hostname}>`;
}
