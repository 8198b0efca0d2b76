import render from 'dom-serializer';
import { isTag, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Attributes holding one URL, and those holding a `srcset` list. */
const urlAttributes = ['href', 'src', 'poster', 'cite'] as const;
const srcsetAttributes = ['srcset'] as const;

function toAbsolute(value: string, siteUrl: string): string {
  const trimmed = value.trim();
  // A same-page anchor or an empty value means nothing outside the page.
  if (trimmed === '' || trimmed.startsWith('#')) return value;
  try {
    return new URL(trimmed, `${siteUrl}/`).toString();
  } catch {
    return value;
  }
}

function toAbsoluteSrcset(value: string, siteUrl: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/u);
      return [toAbsolute(url, siteUrl), ...descriptor].join(' ');
    })
    .join(', ');
}

function rewrite(nodes: readonly ChildNode[], siteUrl: string): void {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    for (const name of urlAttributes) {
      const value = node.attribs[name];
      if (value !== undefined) node.attribs[name] = toAbsolute(value, siteUrl);
    }
    for (const name of srcsetAttributes) {
      const value = node.attribs[name];
      if (value !== undefined) node.attribs[name] = toAbsoluteSrcset(value, siteUrl);
    }
    rewrite(node.children, siteUrl);
  }
}

/**
 * The same HTML with every link and image URL absolute, for places read away from the site
 * (feed readers, e-mail) where a site-relative `/path` would lead nowhere.
 */
export function toAbsoluteHtml(html: string, siteUrl: string): string {
  const document = parseDocument(html);
  rewrite(document.children, siteUrl);
  return render(document, { encodeEntities: 'utf8' });
}
