import MarkdownIt from 'markdown-it';
import type { Block, BodyDocument } from './body.types.js';
import { detectEmbed } from './embed-provider.js';
import { htmlToBody } from './html-to-body.js';
import type { HtmlToBodyOptions } from './html-to-body.js';
import { bodyTooDeep, maxNestingDepth } from './nesting-depth.js';
import { parseBody } from './validate-body.js';

/**
 * Markdown goes through markdown-it to HTML and then through `htmlToBody`, so it is
 * sanitised and converted exactly like pasted HTML. Two Markdown conventions are then
 * applied to whole paragraphs: a bare embeddable URL becomes an embed block, and
 * `[paywall]` becomes the paywall marker (`<!-- paywall -->` is handled by `htmlToBody`).
 *
 * markdown-it parses in time linear in the input, also for the shapes that make other
 * parsers quadratic (runs of `*a`, `[`, `![`); see docs/adr/0005. Nesting deeper than
 * `maxNestingDepth` is refused rather than cut off, so no text is silently lost.
 */

export type MarkdownToBodyOptions = HtmlToBodyOptions;

const PAYWALL_TEXT = '[paywall]';

/** The URL a paragraph consists of, when the paragraph is nothing but one URL. */
function bareUrlOf(block: Block): string | null {
  if (block.type !== 'paragraph' || block.content.length !== 1) return null;
  const [only] = block.content;
  if (only?.type !== 'text') return null;
  const marks = only.marks ?? [];
  const link = marks.length === 1 && marks[0]?.type === 'link' ? marks[0] : null;
  const text = only.text.trim();
  if (marks.length > 0 && link?.href !== text) return null;
  return /^https:\/\/\S+$/u.test(text) ? text : null;
}

function isPaywallParagraph(block: Block): boolean {
  if (block.type !== 'paragraph' || block.content.length !== 1) return false;
  const [only] = block.content;
  return only?.type === 'text' && only.marks === undefined && only.text.trim() === PAYWALL_TEXT;
}

function applyConventions(blocks: readonly Block[]): Block[] {
  let hasPaywall = blocks.some((block) => block.type === 'paywall');
  return blocks.flatMap((block): Block[] => {
    if (isPaywallParagraph(block)) {
      if (hasPaywall) return [];
      hasPaywall = true;
      return [{ type: 'paywall' }];
    }
    const url = bareUrlOf(block);
    const embed = url === null ? null : detectEmbed(url);
    if (embed === null || embed.provider === 'link') return [block];
    return [{ type: 'embed', url: embed.url, provider: embed.provider, title: '' }];
  });
}

// GFM-like: raw HTML (sanitised later), tables, ~~strikethrough~~ and bare http(s) links.
// Bare domains without a scheme ("Node.js", "example.com") stay text.
const markdownIt = new MarkdownIt({
  html: true,
  linkify: true,
  breaks: false,
  maxNesting: maxNestingDepth,
});
markdownIt.linkify.set({ fuzzyLink: false });
// Every link reaches the sanitiser, which drops unsafe ones and keeps their text: one rule
// for safe URLs (safe-url.ts) instead of markdown-it's own, which leaves `[text](…)` raw.
markdownIt.validateLink = () => true;

/** Markdown to HTML; throws `body_too_deep` where markdown-it would stop nesting. */
export function markdownToHtml(markdown: string): string {
  const tokens = markdownIt.parse(markdown, {});
  if (tokens.some((token) => token.level >= maxNestingDepth - 1)) throw bodyTooDeep();
  return markdownIt.renderer.render(tokens, markdownIt.options, {});
}

export function markdownToBody(
  markdown: string,
  options: MarkdownToBodyOptions = {},
): BodyDocument {
  const body = htmlToBody(markdownToHtml(markdown), options);
  return parseBody({ version: 1, blocks: applyConventions(body.blocks) });
}
