import { checkLinkHref } from './url-dialog.js';

/**
 * Turns what Google Docs, Word and web pages put on the clipboard into plain, meaningful
 * HTML that the editor's schema reads as the body's blocks and marks. In order:
 *
 * 1. Clipboard wrappers, styles, comments and Word's `o:p` go.
 * 2. Inline styles become marks: Google Docs wraps everything in
 *    `<b style="font-weight:normal">` and writes real bold as `font-weight:700` on a span.
 * 3. Headings map onto the body's levels 2–4 (a document's H1 is the article's H2).
 * 4. Word's quote and list paragraphs become a quote and lists; a quote split into
 *    paragraphs becomes one quote; a table row becomes one paragraph of its cells.
 * 5. Links: Google's `google.com/url?q=` redirects are unwrapped; links the site would
 *    refuse (`javascript:` and the like) keep their text and lose the link, and are counted
 *    so the editor can say so.
 * 6. Empty paragraphs are dropped.
 */

export interface CleanedPaste {
  readonly html: string;
  /** Links dropped because their address is unsafe or not a web, mail or site address. */
  readonly removedLinks: number;
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function rename(element: Element, tag: string): Element {
  const next = element.ownerDocument.createElement(tag);
  next.append(...Array.from(element.childNodes));
  element.replaceWith(next);
  return next;
}

/**
 * An element's inline style as written. Read from the attribute, not `element.style`: the
 * CMS's Content-Security-Policy refuses inline styles, so the browser never applies them.
 */
function readStyle(element: Element): ReadonlyMap<string, string> {
  const style = new Map<string, string>();
  for (const declaration of (element.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon === -1) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, '')
      .trim()
      .toLowerCase();
    if (name !== '') style.set(name, value);
  }
  return style;
}

function isBoldWeight(weight: string): boolean {
  if (weight === 'bold' || weight === 'bolder') return true;
  const n = Number(weight);
  return Number.isFinite(n) && n >= 600;
}

/** Wraps the element's children in the marks its inline style asks for, then drops it. */
function styleToMarks(element: Element): void {
  const style = readStyle(element);
  const doc = element.ownerDocument;
  let content: Node[] = Array.from(element.childNodes);
  const wrap = (tag: string) => {
    const mark = doc.createElement(tag);
    mark.append(...content);
    content = [mark];
  };
  if (isBoldWeight(style.get('font-weight') ?? '')) wrap('strong');
  if (style.get('font-style') === 'italic') wrap('em');
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  if (decoration.includes('line-through')) wrap('s');
  element.replaceWith(...content);
}

/** Google Docs' outer `<b style="font-weight:normal">`, and any bold tag styled as not bold. */
function isFakeBold(element: Element): boolean {
  const weight = readStyle(element).get('font-weight') ?? '';
  return weight !== '' && !isBoldWeight(weight);
}

function unwrapRedirect(href: string): string {
  try {
    const url = new URL(href);
    const google = /(^|\.)google\.[a-z.]+$/.test(url.hostname) && url.pathname === '/url';
    const target = google ? (url.searchParams.get('q') ?? url.searchParams.get('url')) : null;
    return target ?? href;
  } catch {
    return href;
  }
}

function isEmptyParagraph(element: Element): boolean {
  if (element.textContent.replace(/[\s\u00a0\u200b]/g, '') !== '') return false;
  return element.querySelector('img, hr') === null;
}

/** Word marks list paragraphs with classes; their bullets are spans styled `mso-list:Ignore`. */
function isWordListParagraph(element: Element): boolean {
  return (
    /MsoListParagraph/i.test(element.className) ||
    /mso-list/i.test(element.getAttribute('style') ?? '')
  );
}

function joinIntoOne(doc: Document, tag: string, parts: readonly Element[]): Element {
  const joined = doc.createElement(tag);
  parts.forEach((part, index) => {
    if (index > 0) joined.append(doc.createElement('br'));
    joined.append(...Array.from(part.childNodes));
  });
  return joined;
}

function cleanWordLists(doc: Document): void {
  const paragraphs = Array.from(doc.body.querySelectorAll('p')).filter(isWordListParagraph);
  let list: Element | null = null;
  for (const paragraph of paragraphs) {
    const previous = paragraph.previousElementSibling;
    if (list === null || previous !== list) {
      const ordered = /^\s*\d+[.)]/.test(paragraph.textContent);
      list = doc.createElement(ordered ? 'ol' : 'ul');
      paragraph.before(list);
    }
    const item = doc.createElement('li');
    const text = doc.createElement('p');
    text.append(...Array.from(paragraph.childNodes));
    // The bullet or number Word typed as text, when it was not in an ignored span.
    const first = text.firstChild;
    if (first?.nodeType === Node.TEXT_NODE) {
      first.textContent = (first.textContent ?? '').replace(/^\s*(?:[·•o§-]|\d+[.)])\s+/, '');
    }
    item.append(text);
    list.append(item);
    paragraph.remove();
  }
}

function cleanQuotes(doc: Document): void {
  // Word writes quotes as paragraphs with a quote style, one per paragraph.
  const quoteParagraphs = Array.from(doc.body.querySelectorAll('p')).filter((p) =>
    /Mso(Intense)?Quote/i.test(p.className),
  );
  for (const paragraph of quoteParagraphs) {
    if (!paragraph.isConnected) continue;
    const run: Element[] = [paragraph];
    let next = paragraph.nextElementSibling;
    while (next !== null && next.tagName === 'P' && /Mso(Intense)?Quote/i.test(next.className)) {
      run.push(next);
      next = next.nextElementSibling;
    }
    paragraph.before(joinIntoOne(doc, 'blockquote', run));
    run.forEach((p) => p.remove());
  }
  // A quote of several paragraphs is one quote block, its paragraphs as lines.
  for (const quote of Array.from(doc.body.querySelectorAll('blockquote'))) {
    const blocks = Array.from(quote.children).filter((c) => /^(P|DIV)$/.test(c.tagName));
    if (blocks.length === 0) continue;
    const nonEmpty = blocks.filter((b) => !isEmptyParagraph(b));
    quote.replaceWith(joinIntoOne(doc, 'blockquote', nonEmpty));
  }
}

function cleanTables(doc: Document): void {
  for (const table of Array.from(doc.body.querySelectorAll('table'))) {
    const rows = Array.from(table.querySelectorAll('tr')).map((row) => {
      const paragraph = doc.createElement('p');
      Array.from(row.querySelectorAll('th, td')).forEach((cell, index) => {
        if (index > 0) paragraph.append(doc.createTextNode(' · '));
        // Paragraphs inside a cell become lines of the same cell.
        const lines = Array.from(cell.querySelectorAll('p'));
        if (lines.length > 1) {
          const joined = joinIntoOne(
            doc,
            'span',
            lines.filter((l) => !isEmptyParagraph(l)),
          );
          paragraph.append(...Array.from(joined.childNodes));
        } else {
          paragraph.append(...Array.from((lines[0] ?? cell).childNodes));
        }
      });
      return paragraph;
    });
    table.replaceWith(...rows.filter((p) => !isEmptyParagraph(p)));
  }
}

function cleanLinks(doc: Document): number {
  let removed = 0;
  for (const link of Array.from(doc.body.querySelectorAll('a'))) {
    const raw = link.getAttribute('href');
    if (raw === null || raw.trim() === '' || raw.startsWith('#')) {
      unwrap(link);
      continue;
    }
    const href = unwrapRedirect(raw.trim());
    if (checkLinkHref(href) !== null) {
      removed += 1;
      unwrap(link);
      continue;
    }
    for (const name of Array.from(link.getAttributeNames())) link.removeAttribute(name);
    link.setAttribute('href', href);
  }
  return removed;
}

function mapHeadings(doc: Document): void {
  const levels: Record<string, string> = {
    H1: 'h2',
    H2: 'h2',
    H3: 'h3',
    H4: 'h4',
    H5: 'h4',
    H6: 'h4',
  };
  for (const heading of Array.from(doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const tag = levels[heading.tagName] ?? 'h4';
    if (isEmptyParagraph(heading)) heading.remove();
    else if (heading.tagName.toLowerCase() !== tag) rename(heading, tag);
  }
  // Google Docs' "Title" style is a paragraph with the class "title".
  for (const title of Array.from(doc.body.querySelectorAll('p.title, p.MsoTitle'))) {
    rename(title, 'h2');
  }
}

/** Cleans pasted HTML with the browser's parser; see the module comment for the steps. */
export function cleanPastedHtml(html: string): CleanedPaste {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // 1. What carries no meaning.
  doc.querySelectorAll('style, script, meta, link, title, xml, o\\:p').forEach((n) => n.remove());
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode() !== null) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
  for (const element of Array.from(doc.body.querySelectorAll('*'))) {
    if (element.tagName.includes(':')) unwrap(element);
  }
  // Word's typed bullets and numbers; the list itself is rebuilt below.
  for (const ignore of Array.from(doc.body.querySelectorAll('span'))) {
    if (/mso-list:\s*ignore/i.test(ignore.getAttribute('style') ?? '')) ignore.remove();
  }
  // 2. Styles to marks; the fake bold of Google Docs goes first so real bold inside stays.
  for (const bold of Array.from(doc.body.querySelectorAll('b, strong'))) {
    if (isFakeBold(bold)) unwrap(bold);
  }
  for (const span of Array.from(doc.body.querySelectorAll('span, font'))) styleToMarks(span);
  // 3–5. Blocks and links.
  mapHeadings(doc);
  cleanWordLists(doc);
  cleanTables(doc);
  cleanQuotes(doc);
  const removedLinks = cleanLinks(doc);
  // Google Docs puts list item text in a paragraph with a role; the paragraph is enough.
  for (const element of Array.from(
    doc.body.querySelectorAll('[style], [class], [id], [dir], [role], [aria-level]'),
  )) {
    for (const name of ['style', 'class', 'id', 'dir', 'role', 'aria-level']) {
      // Keep the class that marks a pull quote; everything else is presentation.
      if (name === 'class' && element.classList.contains('pullquote')) continue;
      element.removeAttribute(name);
    }
  }
  // 6. Empty paragraphs, including Google Docs' `<p><br></p>` spacers and the line breaks
  // it puts between paragraphs.
  for (const br of Array.from(doc.body.querySelectorAll('br'))) {
    if (br.parentElement === doc.body || br.classList.contains('Apple-interchange-newline')) {
      br.remove();
    }
  }
  for (const paragraph of Array.from(doc.body.querySelectorAll('p, div'))) {
    if (isEmptyParagraph(paragraph)) paragraph.remove();
  }
  return { html: doc.body.innerHTML, removedLinks };
}
