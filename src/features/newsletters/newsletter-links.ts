import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed links in newsletter e-mail: the preference centre and one-click unsubscribe. A
 * link names the subscriber (and, to unsubscribe, the newsletter) and carries an HMAC of
 * that under the newsroom's own key, so it needs no row of its own and works from every
 * e-mail ever sent. Anyone holding an e-mail may use its links; that is the point of them.
 */
export interface NewsletterLinks {
  preferences(subscriberId: string): string;
  unsubscribe(subscriberId: string, newsletterId: string | null): string;
  readPreferences(token: string): string | null;
  readUnsubscribe(token: string): { subscriberId: string; newsletterId: string | null } | null;
  /** The client's address, keyed so the consent record cannot be reversed by trying all. */
  clientHash(ip: string): string;
}

const idPattern = /^[A-Za-z0-9-]{1,64}$/;

export function createNewsletterLinks(key: string): NewsletterLinks {
  const mac = (text: string): string =>
    createHmac('sha256', key).update(text, 'utf8').digest('base64url').slice(0, 32);
  const matches = (text: string, given: string): boolean => {
    const expected = Buffer.from(mac(text));
    const actual = Buffer.from(given);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  };
  return {
    preferences: (subscriberId) => `${subscriberId}.${mac(`p:${subscriberId}`)}`,
    unsubscribe: (subscriberId, newsletterId) => {
      const list = newsletterId ?? 'all';
      return `${subscriberId}.${list}.${mac(`u:${subscriberId}:${list}`)}`;
    },
    readPreferences(token) {
      const [id = '', signature = '', extra] = token.split('.');
      if (extra !== undefined || !idPattern.test(id)) return null;
      return matches(`p:${id}`, signature) ? id : null;
    },
    readUnsubscribe(token) {
      const [id = '', list = '', signature = '', extra] = token.split('.');
      if (extra !== undefined || !idPattern.test(id) || !idPattern.test(list)) return null;
      if (!matches(`u:${id}:${list}`, signature)) return null;
      return { subscriberId: id, newsletterId: list === 'all' ? null : list };
    },
    clientHash: (ip) => mac(`ip:${ip}`),
  };
}
