import { isTag } from 'domhandler';
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { BODY_LIMITS } from './body.schema.js';
import type { Block, BodyDocument, Inline } from './body.types.js';
import {
  classesOf,
  clip,
  findFirst,
  stripDash,
  toFigureParts,
  toIframeEmbed,
  toImageBlock,
  toSocialEmbed,
} from './html-media.js';
import type { ResolveImage } from './html-media.js';
import {
  MEDIA_ELEMENTS,
  appendInlines,
  hasVisibleText,
  normalizeInlines,
  toPlainText,
} from './inline-content.js';
import { ensureShallowEnough } from './nesting-depth.js';
import { sanitizeBodyHtml } from './sanitize-body-html.js';
import { parseBody } from './validate-body.js';

export interface HtmlToBodyOptions {
  /** Maps an image address to the media library item it came from, if any. */
  resolveImage?: ResolveImage;
}

/**
 * Converts HTML (a pasted document, an import, Markdown output) into a body. The order:
 * sanitise, parse, then walk the tree turning each element into blocks. Inline content
 * outside any block element is gathered into paragraphs; media inside a paragraph is
 * lifted out into its own block at the place it appeared.
 */

const CONTAINERS = new Set([
  ...['div', 'section', 'article', 'header', 'footer', 'main', 'li'],
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
]);
const HEADING_LEVELS: Record<string, 2 | 3 | 4> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };
const BLOCK_ELEMENTS = new Set([
  ...CONTAINERS,
  ...Object.keys(HEADING_LEVELS),
  ...['p', 'figcaption', 'ul', 'ol', 'blockquote', 'pre'],
  ...MEDIA_ELEMENTS,
]);

function createConverter(options: HtmlToBodyOptions) {
  const blocks: Block[] = [];
  const pending: Inline[] = [];
  let hasPaywall = false;

  function emit(block: Block | null): void {
    if (block !== null) blocks.push(block);
  }

  function flush(): void {
    const content = normalizeInlines(pending);
    pending.length = 0;
    if (hasVisibleText(content)) blocks.push({ type: 'paragraph', content });
  }

  /** Collects inline content; media met on the way is emitted after the enclosing block. */
  function collect(nodes: readonly ChildNode[], deferred: Element[]): Inline[] {
    const inlines: Inline[] = [];
    appendInlines(inlines, nodes, [], (element) => deferred.push(element));
    return normalizeInlines(inlines);
  }

  function withDeferred(build: (deferred: Element[]) => Block | null): void {
    const deferred: Element[] = [];
    emit(build(deferred));
    for (const element of deferred) convertMedia(element);
  }

  function convertFigure(figure: Element): void {
    const parts = toFigureParts(figure);
    const quote = findFirst(parts.content, (element) => element.name === 'blockquote');
    const iframe = findFirst(parts.content, (element) => element.name === 'iframe');
    const img = findFirst(parts.content, (element) => element.name === 'img');
    if (quote !== null) {
      convertQuote(quote, stripDash(parts.fullCaption));
    } else if (iframe !== null) {
      emit(toIframeEmbed(iframe, parts.fullCaption));
    } else if (img !== null) {
      emit(toImageBlock(img, parts.caption, parts.credit, options.resolveImage));
    } else {
      convertBlocks(parts.content);
    }
  }

  function convertMedia(element: Element): void {
    switch (element.name) {
      case 'img':
        emit(toImageBlock(element, (element.attribs.title ?? '').trim(), '', options.resolveImage));
        return;
      case 'iframe':
        emit(toIframeEmbed(element, ''));
        return;
      case 'figure':
        convertFigure(element);
        return;
      case 'hr':
        if (!classesOf(element).includes('paywall-marker')) emit({ type: 'divider' });
        else if (!hasPaywall) {
          hasPaywall = true;
          emit({ type: 'paywall' });
        }
        return;
    }
  }

  function convertQuote(quote: Element, captionAttribution = ''): void {
    const social = toSocialEmbed(quote);
    if (social !== null) {
      emit(social);
      return;
    }
    const isAttribution = (node: ChildNode): boolean =>
      isTag(node) && (node.name === 'footer' || node.name === 'cite');
    const attribution = clip(
      captionAttribution || stripDash(toPlainText(quote.children.filter(isAttribution))),
      BODY_LIMITS.attribution,
    );
    const body = quote.children.filter((node) => !isAttribution(node));

    if (classesOf(quote).includes('pullquote')) {
      const text = clip(toPlainText(body), BODY_LIMITS.pullquote);
      if (text !== '')
        emit(
          attribution === ''
            ? { type: 'pullquote', text }
            : { type: 'pullquote', text, attribution },
        );
      return;
    }
    withDeferred((deferred) => {
      const content = collect(body, deferred);
      if (!hasVisibleText(content)) return null;
      return attribution === ''
        ? { type: 'quote', content }
        : { type: 'quote', content, attribution };
    });
  }

  function listItems(list: Element, deferred: Element[]): Inline[][] {
    const items: Inline[][] = [];
    for (const child of list.children) {
      if (!isTag(child)) continue;
      let current: ChildNode[] = [];
      const finish = (): void => {
        const item = collect(current, deferred);
        if (hasVisibleText(item)) items.push(item);
        current = [];
      };
      // Nested lists are flattened: their items follow the item they were nested in.
      for (const node of child.name === 'li' ? child.children : [child]) {
        if (isTag(node) && (node.name === 'ul' || node.name === 'ol')) {
          finish();
          items.push(...listItems(node, deferred));
        } else {
          current.push(node);
        }
      }
      finish();
    }
    return items;
  }

  function convertList(list: Element): void {
    const deferred: Element[] = [];
    const items = listItems(list, deferred);
    const ordered = list.name === 'ol';
    for (let start = 0; start < items.length; start += BODY_LIMITS.listItems) {
      emit({ type: 'list', ordered, items: items.slice(start, start + BODY_LIMITS.listItems) });
    }
    for (const element of deferred) convertMedia(element);
  }

  function convertPre(pre: Element): void {
    const inlines: Inline[] = [];
    appendInlines(inlines, pre.children, [{ type: 'code' }], () => undefined);
    const content = normalizeInlines(inlines, { preserveWhitespace: true });
    if (hasVisibleText(content)) emit({ type: 'paragraph', content });
  }

  function convertElement(element: Element): void {
    const level = HEADING_LEVELS[element.name];
    if (level !== undefined) {
      withDeferred((deferred) => {
        const content = collect(element.children, deferred);
        return hasVisibleText(content) ? { type: 'heading', level, content } : null;
      });
    } else if (element.name === 'p' || element.name === 'figcaption') {
      appendInlines(pending, element.children, [], (media) => {
        flush();
        convertMedia(media);
      });
    } else if (element.name === 'ul' || element.name === 'ol') {
      convertList(element);
    } else if (element.name === 'blockquote') {
      convertQuote(element);
    } else if (element.name === 'pre') {
      convertPre(element);
    } else if (MEDIA_ELEMENTS.has(element.name)) {
      convertMedia(element);
    } else if (CONTAINERS.has(element.name)) {
      convertBlocks(element.children);
    }
  }

  function convertBlocks(nodes: readonly ChildNode[]): void {
    for (const node of nodes) {
      if (isTag(node) && BLOCK_ELEMENTS.has(node.name)) {
        flush();
        convertElement(node);
        flush();
      } else {
        appendInlines(pending, [node], [], (media) => {
          flush();
          convertMedia(media);
        });
      }
    }
  }

  return {
    convert(nodes: readonly ChildNode[]): Block[] {
      convertBlocks(nodes);
      flush();
      return blocks;
    },
  };
}

/**
 * The body of some HTML. Throws `AppError('invalid_body')` if it has too many blocks and
 * `AppError('body_too_deep')` if its elements nest deeper than `maxNestingDepth`.
 * Synchronous and linear in the input: callers with large input run it through
 * `createBodyConverter`, off the event loop.
 */
export function htmlToBody(html: string, options: HtmlToBodyOptions = {}): BodyDocument {
  const document = parseDocument(sanitizeBodyHtml(html));
  ensureShallowEnough(document.children);
  return parseBody({ version: 1, blocks: createConverter(options).convert(document.children) });
}
