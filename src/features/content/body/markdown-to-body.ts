import { Marked } from 'marked';
import type { Block, BodyDocument } from './body.types.js';
import { detectEmbed } from './embed-provider.js';
import { htmlToBody } from './html-to-body.js';
import type { HtmlToBodyOptions } from './html-to-body.js';
import { parseBody } from './validate-body.js';

/**
 * Markdown goes through `marked` to HTML and then through `htmlToBody`, so it is
 * sanitised and converted exactly like pasted HTML. Two Markdown conventions are then
 * applied to whole paragraphs: a bare embeddable URL becomes an embed block, and
 * `[paywall]` becomes the paywall marker (`<!-- paywall -->` is handled by `htmlToBody`).
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

export function markdownToBody(
  markdown: string,
  options: MarkdownToBodyOptions = {},
): BodyDocument {
  const html = new Marked({ gfm: true, breaks: false }).parse(markdown, { async: false });
  const body = htmlToBody(html, options);
  return parseBody({ version: 1, blocks: applyConventions(body.blocks) });
}
