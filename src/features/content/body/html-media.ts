import { isTag } from 'domhandler';
import type { ChildNode, Element } from 'domhandler';
import { BODY_LIMITS } from './body.schema.js';
import type { BlockOf } from './body.types.js';
import { detectEmbed, toProviderLabel } from './embed-provider.js';
import { toPlainText } from './inline-content.js';
import { isAllowedImageSrc } from './safe-url.js';

/**
 * Reading media out of sanitised HTML for `htmlToBody`: images, iframes, pasted social
 * embeds and figure captions. Each returns null when the element cannot become a block.
 */

export type ResolveImage = (src: string) => { mediaId: string } | null;

const SOCIAL_QUOTE_CLASSES = ['twitter-tweet', 'instagram-media', 'tiktok-embed'];

export function classesOf(element: Element): string[] {
  return (element.attribs.class ?? '').split(/\s+/u).filter(Boolean);
}

/** Cuts text to `max` characters without leaving half an emoji. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/u.test(cut) ? cut.slice(0, -1) : cut;
}

/** "— The mayor" → "The mayor". */
export function stripDash(text: string): string {
  return text.replace(/^[-–—―\s]+/u, '').trim();
}

/** Every descendant element called `name`, in document order. */
export function listElements(nodes: readonly ChildNode[], name: string): Element[] {
  return nodes.flatMap((node) =>
    isTag(node)
      ? [...(node.name === name ? [node] : []), ...listElements(node.children, name)]
      : [],
  );
}

export function findFirst(
  nodes: readonly ChildNode[],
  test: (element: Element) => boolean,
): Element | null {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (test(node)) return node;
    const found = findFirst(node.children, test);
    if (found !== null) return found;
  }
  return null;
}

function isCreditElement(element: Element): boolean {
  return (
    element.name === 'cite' || (element.name === 'small' && classesOf(element).includes('credit'))
  );
}

export interface FigureParts {
  /** The figure's children other than its figcaption. */
  content: ChildNode[];
  /** The whole caption as text, credit included. */
  fullCaption: string;
  /** The caption without the credit. */
  caption: string;
  /** From a `<cite>` or `<small class="credit">` inside the caption. */
  credit: string;
}

export function toFigureParts(figure: Element): FigureParts {
  const figcaption = figure.children.find((node) => isTag(node) && node.name === 'figcaption');
  const nodes = figcaption !== undefined && isTag(figcaption) ? figcaption.children : [];
  return {
    content: figure.children.filter((node) => node !== figcaption),
    fullCaption: toPlainText(nodes),
    caption: toPlainText(nodes, isCreditElement),
    credit: toPlainText(nodes.filter((node) => isTag(node) && isCreditElement(node))),
  };
}

export function toImageBlock(
  img: Element,
  caption: string,
  credit: string,
  resolveImage: ResolveImage | undefined,
): BlockOf<'image'> | null {
  const src = (img.attribs.src ?? '').trim();
  if (src.length > BODY_LIMITS.url || !isAllowedImageSrc(src)) return null;
  const mediaId = resolveImage?.(src)?.mediaId ?? null;
  const validId = mediaId !== null && mediaId !== '' && mediaId.length <= BODY_LIMITS.id;
  return {
    type: 'image',
    mediaId: validId ? mediaId : null,
    src,
    alt: clip((img.attribs.alt ?? '').replace(/\s+/gu, ' ').trim(), BODY_LIMITS.alt),
    caption: clip(caption, BODY_LIMITS.caption),
    credit: clip(credit, BODY_LIMITS.credit),
  };
}

/** An iframe from a video host; iframes we cannot identify are dropped. */
export function toIframeEmbed(iframe: Element, fallbackTitle: string): BlockOf<'embed'> | null {
  const detected = detectEmbed(iframe.attribs.src ?? '');
  if (detected === null || detected.provider === 'link') return null;
  const title =
    (iframe.attribs.title ?? '').trim() ||
    fallbackTitle ||
    `${toProviderLabel(detected.provider)} video`;
  return {
    type: 'embed',
    url: detected.url,
    provider: detected.provider,
    title: clip(title, BODY_LIMITS.embedTitle),
  };
}

/** A pasted X, Instagram or TikTok embed: its blockquote fallback links to the post. */
export function toSocialEmbed(quote: Element): BlockOf<'embed'> | null {
  if (!classesOf(quote).some((name) => SOCIAL_QUOTE_CLASSES.includes(name))) return null;
  const post = listElements(quote.children, 'a')
    .map((link) => detectEmbed(link.attribs.href ?? ''))
    .find((detected) => detected !== null && detected.provider !== 'link');
  if (post === undefined || post === null) return null;
  const title = `${toProviderLabel(post.provider)} post`;
  return { type: 'embed', url: post.url, provider: post.provider, title };
}
