import { Schema, type DOMOutputSpec, type NodeSpec } from 'prosemirror-model';

/**
 * The editor's own document model: one ProseMirror node type per body block, so the
 * conversion in `body-conversion.ts` is a plain one-to-one mapping. The rules of the body
 * shape this schema: headings are levels 2–4, list items hold one paragraph (the body has
 * no nested lists), a pull quote is plain text, and images, embeds, related cards,
 * dividers and the paywall marker are atoms edited through their own fields.
 */

const atom = (spec: NodeSpec): NodeSpec => ({
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,
  ...spec,
});

const nodes = {
  doc: { content: 'block+' },
  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  heading: {
    group: 'block',
    content: 'inline*',
    attrs: { level: { default: 2 } },
    defining: true,
    parseDOM: [2, 3, 4].map((level) => ({ tag: `h${level}`, attrs: { level } })),
    toDOM: (node) => [`h${String(node.attrs.level)}`, 0],
  },
  bullet_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [{ tag: 'ol' }],
    toDOM: () => ['ol', 0],
  },
  list_item: {
    content: 'paragraph',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
  quote: {
    group: 'block',
    content: 'inline*',
    attrs: { attribution: { default: '' } },
    defining: true,
    parseDOM: [{ tag: 'blockquote' }],
    toDOM: () => ['blockquote', 0],
  },
  pullquote: {
    group: 'block',
    content: 'text*',
    marks: '',
    attrs: { attribution: { default: '' } },
    defining: true,
    parseDOM: [{ tag: 'aside.pullquote' }],
    toDOM: () => ['aside', { class: 'pullquote' }, 0],
  },
  image: atom({
    attrs: {
      mediaId: { default: null },
      src: { default: '' },
      alt: { default: '' },
      caption: { default: '' },
      credit: { default: '' },
    },
    toDOM: (node): DOMOutputSpec => [
      'figure',
      ['img', { src: String(node.attrs.src), alt: String(node.attrs.alt) }],
    ],
  }),
  embed: atom({
    attrs: { url: { default: '' }, provider: { default: 'link' }, title: { default: '' } },
    toDOM: (node): DOMOutputSpec => [
      'figure',
      ['a', { href: String(node.attrs.url) }, String(node.attrs.url)],
    ],
  }),
  related: atom({
    // `label` is the related post's headline, shown in the editor only; the body keeps the id.
    attrs: { postId: { default: '' }, label: { default: '' } },
    toDOM: (node): DOMOutputSpec => ['aside', { class: 'related' }, String(node.attrs.label)],
  }),
  divider: atom({ parseDOM: [{ tag: 'hr' }], toDOM: () => ['hr'] }),
  paywall: atom({ toDOM: () => ['div', { class: 'paywall' }] }),
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
} satisfies Record<string, NodeSpec>;

export const editorSchema = new Schema({
  nodes,
  // Mark order here is the order marks appear in a converted text run.
  marks: {
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom: HTMLElement) => ({ href: dom.getAttribute('href') ?? '' }),
        },
      ],
      toDOM: (mark) => ['a', { href: String(mark.attrs.href), rel: 'noopener noreferrer' }, 0],
    },
    bold: {
      parseDOM: [{ tag: 'strong' }, { tag: 'b' }],
      toDOM: () => ['strong', 0],
    },
    italic: {
      parseDOM: [{ tag: 'em' }, { tag: 'i' }],
      toDOM: () => ['em', 0],
    },
    strike: {
      parseDOM: [{ tag: 's' }, { tag: 'del' }],
      toDOM: () => ['s', 0],
    },
    code: {
      parseDOM: [{ tag: 'code' }],
      toDOM: () => ['code', 0],
    },
  },
});
