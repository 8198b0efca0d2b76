/**
 * Which URLs the body may carry. Checked when a body is parsed and again when it is
 * rendered, so a document that skipped validation still cannot smuggle `javascript:` or
 * `data:` into the reader's page.
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

// Browsers strip tabs and newlines inside URLs ("java\tscript:"), so any whitespace or
// control character is refused outright rather than interpreted.
function hasUnsafeCharacter(url: string): boolean {
  if (/\s/u.test(url)) return true;
  for (let index = 0; index < url.length; index++) {
    const code = url.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Site-relative (`/politics/…`), but not protocol-relative (`//evil.example`). */
export function isSiteRelativeUrl(url: string): boolean {
  return url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\');
}

function hasProtocol(url: string, protocols: ReadonlySet<string>): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!protocols.has(parsed.protocol)) return false;
  return parsed.protocol === 'mailto:' || parsed.hostname !== '';
}

/** A link target a reader can safely follow: http(s), mailto or a path on this site. */
export function isAllowedLinkHref(href: string): boolean {
  if (href === '' || hasUnsafeCharacter(href)) return false;
  return isSiteRelativeUrl(href) || hasProtocol(href, LINK_PROTOCOLS);
}

/** An image source the reader's browser may load: http(s) or a path on this site. */
export function isAllowedImageSrc(src: string): boolean {
  if (src === '' || hasUnsafeCharacter(src)) return false;
  return isSiteRelativeUrl(src) || hasProtocol(src, IMAGE_PROTOCOLS);
}

/** True for absolute http(s) links, which leave the site and get `rel="noopener"`. */
export function isExternalHref(href: string): boolean {
  return /^https?:/iu.test(href);
}
