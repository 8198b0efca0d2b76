/** Where the reader-facing newsletter pages live, relative to the site. */
export const newsletterPaths = {
  index: '/newsletters',
  newsletter: (slug: string) => `/newsletters/${encodeURIComponent(slug)}`,
  subscribe: '/newsletters/subscribe',
  confirm: (token: string) => `/newsletters/confirm/${token}`,
  preferences: (token: string) => `/email/preferences/${token}`,
  unsubscribe: (token: string) => `/unsubscribe/${token}`,
} as const;

/**
 * The header fields of every e-mail a subscriber gets from a newsletter (RFC 2369, 2919,
 * 8058): one-click unsubscribe by an HTTPS POST, a mailto fallback, the list's identity, and
 * `Precedence: bulk` so autoresponders stay quiet.
 */
export function toListHeaders(input: {
  readonly siteUrl: string;
  readonly unsubscribeToken: string;
  readonly newsletter: { readonly slug: string; readonly name: string };
}): Record<string, string> {
  const host = new URL(input.siteUrl).hostname;
  const https = `${input.siteUrl}${newsletterPaths.unsubscribe(input.unsubscribeToken)}`;
  const mailto = `mailto:unsubscribe@${host}?subject=${encodeURIComponent(`unsubscribe ${input.unsubscribeToken}`)}`;
  const name = input.newsletter.name.replace(/["\\\r\n]/g, ' ').trim();
  return {
    'List-Unsubscribe': `<${https}>, <${mailto}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `"${name}" <${input.newsletter.slug}.${host}>`,
    Precedence: 'bulk',
  };
}

/** `"Name" <address>` for a newsletter's From, falling back to the newsroom's. */
export function toSenderAddress(
  newsletter: { readonly senderName: string; readonly senderEmail: string | null },
  newsroomFrom: string,
): string {
  if (newsletter.senderEmail === null) {
    if (newsletter.senderName === '') return newsroomFrom;
    const address = /<([^>]+)>/.exec(newsroomFrom)?.[1] ?? newsroomFrom;
    return `${quote(newsletter.senderName)} <${address}>`;
  }
  return newsletter.senderName === ''
    ? newsletter.senderEmail
    : `${quote(newsletter.senderName)} <${newsletter.senderEmail}>`;
}

function quote(name: string): string {
  return `"${name.replace(/[\r\n]+/g, ' ').replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
