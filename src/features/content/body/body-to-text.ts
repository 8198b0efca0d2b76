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

/** Minutes to read `text` at `wordsPerMinute`, rounded up, never less than one. */
export function readingMinutes(text: string, wordsPerMinute = 230): number {
  const words = text.split(/\s+/u).filter((word) => word !== '').length;
  return Math.max(1, Math.ceil(words / wordsPerMinute));
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
