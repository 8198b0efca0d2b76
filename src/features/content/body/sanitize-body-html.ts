import sanitizeHtml from 'sanitize-html';
import { EMBED_IFRAME_HOSTS } from './embed-provider.js';

/**
 * The first step of every HTML import: keep only the tags and attributes that map onto
 * body blocks. Scripts, styles, event handlers, `javascript:`/`data:` URLs and iframes
 * from unknown hosts are gone before the converter sees the markup.
 */

const CONTAINERS = ['div', 'section', 'article', 'header', 'footer', 'main', 'span'];
const TABLES = ['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'];
const TEXT = ['p', 'br', 'strong', 'b', 'em', 'i', 'code', 'pre', 's', 'del', 'strike', 'a'];
const DECORATION = ['u', 'sup', 'sub', 'mark', 'cite', 'small'];
const STRUCTURE = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr'];
const MEDIA = ['figure', 'figcaption', 'img', 'iframe'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...CONTAINERS, ...TABLES, ...TEXT, ...DECORATION, ...STRUCTURE, ...MEDIA],
  allowedAttributes: {
    a: ['href'],
    img: ['src', 'alt', 'title'],
    iframe: ['src', 'title'],
    blockquote: ['class'],
    small: ['class'],
    hr: ['class'],
  },
  allowedClasses: {
    blockquote: ['pullquote', 'twitter-tweet', 'instagram-media', 'tiktok-embed'],
    small: ['credit'],
    hr: ['paywall-marker'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [...EMBED_IFRAME_HOSTS],
  allowIframeRelativeUrls: false,
  // Their text is not article text: drop it along with the tag.
  nonTextTags: [
    ...['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template'],
    ...['object', 'embed', 'svg', 'math', 'canvas', 'video', 'audio', 'button', 'select'],
  ],
};

// Ghost (`<!--members-only-->`) and our own Markdown (`<!-- paywall -->`) mark the paywall
// with a comment; sanitising removes comments, so they become the element we render.
const PAYWALL_COMMENT = /<!--\s*(?:paywall|members-only)\s*-->/giu;

export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html.replace(PAYWALL_COMMENT, '<hr class="paywall-marker">'), OPTIONS);
}
