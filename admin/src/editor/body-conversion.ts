import type { Mark as PmMark, Node as PmNode } from 'prosemirror-model';
import type {
  Block,
  BodyDocument,
  EmbedProvider,
  Inline,
  Mark,
} from '../../../src/features/content/body/body.types.js';
import { assertNever } from '../../../src/platform/errors.js';
import { editorSchema as schema } from './editor-schema.js';
import { checkLinkHref } from './url-dialog.js';

/**
 * Converts between Masthead's body document and the editor's ProseMirror document, both
 * ways, and is the only place that knows both shapes.
 *
 * Two normalisations happen on the way to the body, so that a saved body never carries
 * what the server would refuse or render as nothing: empty paragraphs are dropped, and
 * so is an empty pull quote. A body with no blocks opens as one empty paragraph.
 */

const markOrder: readonly Mark['type'][] = ['link', 'bold', 'italic', 'strike', 'code'];

function toBodyMark(mark: PmMark): Mark {
  const type = mark.type.name as Mark['type'];
  if (type === 'link') return { type, href: String(mark.attrs.href) };
  return { type };
}

function toInlines(node: PmNode): Inline[] {
  const inlines: Inline[] = [];
  node.forEach((child) => {
    if (child.type.name === 'hard_break') {
      inlines.push({ type: 'break' });
      return;
    }
    if (!child.isText || child.text === undefined) return;
    // A link the site would refuse is dropped, so one bad address never blocks a save.
    const marks = child.marks
      .map(toBodyMark)
      .filter((mark) => mark.type !== 'link' || checkLinkHref(mark.href) === null);
    inlines.push(
      marks.length === 0
        ? { type: 'text', text: child.text }
        : { type: 'text', text: child.text, marks },
    );
  });
  return inlines;
}

function withAttribution<T extends object>(
  block: T,
  attribution: unknown,
): T & { attribution?: string } {
  const text = typeof attribution === 'string' ? attribution.trim() : '';
  return text === '' ? block : { ...block, attribution: text };
}

function toBlock(node: PmNode): Block | null {
  const attrs = node.attrs;
  switch (node.type.name) {
    case 'paragraph': {
      const content = toInlines(node);
      return content.length === 0 ? null : { type: 'paragraph', content };
    }
    case 'heading':
      return { type: 'heading', level: Number(attrs.level) as 2 | 3 | 4, content: toInlines(node) };
    case 'bullet_list':
    case 'ordered_list': {
      const items: Inline[][] = [];
      node.forEach((item) =>
        items.push(item.firstChild === null ? [] : toInlines(item.firstChild)),
      );
      return { type: 'list', ordered: node.type.name === 'ordered_list', items };
    }
    case 'quote':
      return withAttribution(
        { type: 'quote' as const, content: toInlines(node) },
        attrs.attribution,
      );
    case 'pullquote': {
      const text = node.textContent;
      return text.trim() === ''
        ? null
        : withAttribution({ type: 'pullquote' as const, text }, attrs.attribution);
    }
    case 'image':
      return {
        type: 'image',
        mediaId: attrs.mediaId === null ? null : String(attrs.mediaId),
        src: String(attrs.src),
        alt: String(attrs.alt),
        caption: String(attrs.caption),
        credit: String(attrs.credit),
      };
    case 'embed':
      return {
        type: 'embed',
        url: String(attrs.url),
        provider: String(attrs.provider) as EmbedProvider,
        title: String(attrs.title),
      };
    case 'related':
      return { type: 'related', postId: String(attrs.postId) };
    case 'divider':
      return { type: 'divider' };
    case 'paywall':
      return { type: 'paywall' };
    default:
      throw new Error(`The editor has no body block for "${node.type.name}".`);
  }
}

/** The editor's document as a body document, ready to save. */
export function toBodyDocument(doc: PmNode): BodyDocument {
  const blocks: Block[] = [];
  doc.forEach((node) => {
    const block = toBlock(node);
    if (block !== null) blocks.push(block);
  });
  return { version: 1, blocks };
}

function toPmMarks(marks: readonly Mark[] | undefined): PmMark[] {
  const sorted = [...(marks ?? [])].sort(
    (a, b) => markOrder.indexOf(a.type) - markOrder.indexOf(b.type),
  );
  return sorted.map((mark) =>
    mark.type === 'link'
      ? schema.marks.link.create({ href: mark.href })
      : schema.marks[mark.type].create(),
  );
}

function toPmInlines(content: readonly Inline[]): PmNode[] {
  return content.flatMap((inline): PmNode[] => {
    if (inline.type === 'break') return [schema.nodes.hard_break.create()];
    // ProseMirror has no empty text nodes; an empty run carries nothing to keep.
    if (inline.text === '') return [];
    return [schema.text(inline.text, toPmMarks(inline.marks))];
  });
}

function toPmNode(block: Block): PmNode {
  const { nodes } = schema;
  switch (block.type) {
    case 'paragraph':
      return nodes.paragraph.create(null, toPmInlines(block.content));
    case 'heading':
      return nodes.heading.create({ level: block.level }, toPmInlines(block.content));
    case 'list':
      return (block.ordered ? nodes.ordered_list : nodes.bullet_list).create(
        null,
        block.items.map((item) =>
          nodes.list_item.create(null, nodes.paragraph.create(null, toPmInlines(item))),
        ),
      );
    case 'quote':
      return nodes.quote.create(
        { attribution: block.attribution ?? '' },
        toPmInlines(block.content),
      );
    case 'pullquote':
      return nodes.pullquote.create(
        { attribution: block.attribution ?? '' },
        block.text === '' ? [] : [schema.text(block.text)],
      );
    case 'image':
      return nodes.image.create({
        mediaId: block.mediaId,
        src: block.src,
        alt: block.alt,
        caption: block.caption,
        credit: block.credit,
      });
    case 'embed':
      return nodes.embed.create({ url: block.url, provider: block.provider, title: block.title });
    case 'related':
      return nodes.related.create({ postId: block.postId });
    case 'divider':
      return nodes.divider.create();
    case 'paywall':
      return nodes.paywall.create();
    default:
      return assertNever(block);
  }
}

/** A body document as the editor's document. */
export function toEditorDoc(body: BodyDocument): PmNode {
  const children = body.blocks.map(toPmNode);
  if (children.length === 0) children.push(schema.nodes.paragraph.create());
  return schema.nodes.doc.create(null, children);
}
