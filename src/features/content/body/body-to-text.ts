import { assertNever } from '../../../platform/errors.js';
import type { Block, BodyDocument, Inline } from './body.types.js';

/**
 * The body as plain text, for reading time, excerpts and search. Only what a reader reads
 * in the article counts: embeds, related cards, dividers and the paywall marker do not.
 */

function inlineText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.type === 'break' ? '\n' : inline.text)).join('');
}

function withAttribution(text: string, attribution: string | undefined): string {
  return attribution ? `${text}\n— ${attribution}` : text;
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content);
    case 'list':
      return block.items.map(inlineText).join('\n');
    case 'quote':
      return withAttribution(inlineText(block.content), block.attribution);
    case 'pullquote':
      return withAttribution(block.text, block.attribution);
    case 'image':
      return block.caption;
    case 'embed':
    case 'related':
    case 'divider':
    case 'paywall':
      return '';
    default:
      return assertNever(block);
  }
}

/** Blocks separated by a blank line, list items and line breaks on lines of their own. */
export function bodyToPlainText(doc: BodyDocument): string {
  return doc.blocks
    .map((block) => blockText(block).trim())
    .filter((text) => text !== '')
    .join('\n\n');
}

/** White space as `\s` means it; every such character is one UTF-16 code unit. */
function isSpace(code: number): boolean {
  return (
    code === 0x20 ||
    (code >= 0x09 && code <= 0x0d) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Words in `text`: runs of characters between white space. Counted in one pass without
 * splitting, as the article page does for every render of a long story.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/** Minutes to read `text` at `wordsPerMinute`, rounded up, never less than one. */
export function readingMinutes(text: string, wordsPerMinute = 230): number {
  return Math.max(1, Math.ceil(countWords(text) / wordsPerMinute));
}

/**
 * The start of `text` on one line, at most `maxChars` long including the ellipsis, cut at
 * the last word boundary that fits.
 */
export function excerpt(text: string, maxChars = 200): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= maxChars) return flat;

  const room = flat.slice(0, Math.max(0, maxChars - 1));
  // When the text goes on with a space, `room` ends with a whole word.
  const boundary = flat.charAt(room.length) === ' ' ? room.length : room.lastIndexOf(' ');
  let cut = boundary > 0 ? room.slice(0, boundary) : room;
  if (/[\uD800-\uDBFF]$/u.test(cut)) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s,;:.!?—–-]+$/u, '')}…`;
}
