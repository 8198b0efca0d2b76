import { createHash } from 'node:crypto';
import type { Block, BodyDocument, Inline } from '../content/body/body.types.js';
import { countWords } from '../content/body/body-to-text.js';
import { assertNever } from '../../platform/errors.js';
import { applyLexicon, type LexiconEntry } from './lexicon.js';
import { ordinalToWords } from './number-words.js';
import { toSpokenText } from './spoken-text.js';

/** What a narration says of an article. */
export interface NarrationSource {
  readonly title: string;
  readonly authorNames: readonly string[];
  readonly standfirst: string;
  readonly body: BodyDocument;
}

/** The script: paragraphs as they are to be said, each ending in a full stop or like. */
export interface NarrationScript {
  readonly paragraphs: readonly string[];
  /** Words in the script, for the expected duration. */
  readonly words: number;
}

function inlineText(content: readonly Inline[]): string {
  return content.map((inline) => (inline.type === 'break' ? ' ' : inline.text)).join('');
}

/** A sentence ends with punctuation, so every engine pauses after it. */
function sentence(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return '';
  return /[.!?…:;"”’)]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function listItems(items: readonly Inline[][], ordered: boolean): string[] {
  return items
    .map((item) => inlineText(item).trim())
    .filter((text) => text !== '')
    .map((text, index) => sentence(ordered ? `${ordinalToWords(index + 1)}, ${text}` : text))
    .map((text) => text.charAt(0).toUpperCase() + text.slice(1));
}

/**
 * What one block says, as paragraphs. Captions, credits, embeds, related-article cards,
 * dividers and the paywall marker say nothing; a pull quote repeats the body, so it is
 * not said twice.
 */
function blockScript(block: Block): string[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [sentence(inlineText(block.content))];
    case 'list':
      return [listItems(block.items, block.ordered).join(' ')];
    case 'quote': {
      const said = sentence(inlineText(block.content));
      const from = block.attribution?.trim() ? `, from ${block.attribution.trim()}` : '';
      return said === '' ? [] : [`Quote: ${said} End of quote${from}.`];
    }
    case 'pullquote':
    case 'image':
    case 'embed':
    case 'related':
    case 'divider':
    case 'paywall':
      return [];
    default:
      return assertNever(block);
  }
}

function byline(names: readonly string[]): string {
  if (names.length === 0) return '';
  const joined =
    names.length === 1
      ? names[0]
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
  return `By ${joined ?? ''}.`;
}

/**
 * The narration script of an article: headline, byline, standfirst and body, with the
 * lexicon applied (it wins over the reading rules) and numbers, dates and the like
 * spelled out as they are said.
 */
export function buildNarrationScript(
  source: NarrationSource,
  lexicon: readonly LexiconEntry[],
): NarrationScript {
  const written = [
    sentence(source.title),
    byline(source.authorNames),
    sentence(source.standfirst),
    ...source.body.blocks.flatMap(blockScript),
  ];
  const paragraphs = written
    .filter((text) => text !== '')
    .map((text) => toSpokenText(applyLexicon(text, lexicon)))
    .filter((text) => text !== '');
  const words = paragraphs.reduce((sum, text) => sum + countWords(text), 0);
  return { paragraphs, words };
}

/** Text split into sentences, keeping each one's closing punctuation. */
function sentences(text: string): string[] {
  return (
    text
      .match(/[^.!?]+(?:[.!?]+["”’)]*|$)\s*/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [text]
  );
}

/** Cuts a piece longer than `max` at the last space (or anywhere) that fits. */
function cut(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const at = space > max / 2 ? space : max;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

/**
 * The script in parts of at most `maxChars`, for engines that take that much a request:
 * whole paragraphs where they fit, whole sentences where a paragraph does not.
 */
export function splitScript(paragraphs: readonly string[], maxChars: number): string[] {
  const units = paragraphs.flatMap((paragraph) =>
    paragraph.length <= maxChars
      ? [paragraph]
      : sentences(paragraph).flatMap((s) => (s.length <= maxChars ? [s] : cut(s, maxChars))),
  );
  const parts: string[] = [];
  let current = '';
  for (const unit of units) {
    const joined = current === '' ? unit : `${current}\n\n${unit}`;
    if (joined.length <= maxChars) {
      current = joined;
    } else {
      if (current !== '') parts.push(current);
      current = unit;
    }
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * What decides whether a narration is made again: the words said (whole and preview),
 * by which engine and voice. An edit that changes none of them (an SEO title, a tag, a
 * caption) keeps the audio.
 */
export function scriptHash(input: {
  readonly provider: string;
  readonly voice: string;
  readonly whole: readonly string[];
  readonly preview: readonly string[] | null;
}): string {
  return createHash('sha256')
    .update(JSON.stringify([input.provider, input.voice, input.whole, input.preview]))
    .digest('hex');
}
