import { isTag, isText } from 'domhandler';
import type { ChildNode, Element } from 'domhandler';
import { BODY_LIMITS } from './body.schema.js';
import type { Inline, Mark, TextRun } from './body.types.js';
import { isAllowedLinkHref } from './safe-url.js';

/**
 * Converts the inline part of sanitised HTML (text, strong, em, a…) into inlines, and
 * tidies them the way a browser would display them: collapsed whitespace, no space at the
 * start or end of a line, neighbouring runs with the same marks merged.
 */

const MARK_TAGS: Record<string, Mark> = {
  strong: { type: 'bold' },
  b: { type: 'bold' },
  em: { type: 'italic' },
  i: { type: 'italic' },
  code: { type: 'code' },
  s: { type: 'strike' },
  del: { type: 'strike' },
  strike: { type: 'strike' },
};

/** Elements that start a new line when they appear inside inline content. */
const LINE_ELEMENTS = new Set([
  ...['p', 'div', 'section', 'article', 'header', 'footer', 'main', 'pre', 'blockquote'],
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'figcaption'],
  ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
]);

/** Elements that cannot live inside a run of text and become blocks of their own. */
export const MEDIA_ELEMENTS = new Set(['img', 'iframe', 'figure', 'hr']);

const MARK_ORDER: readonly Mark['type'][] = ['bold', 'italic', 'strike', 'code', 'link'];

function withMark(marks: readonly Mark[], mark: Mark): Mark[] {
  const others = marks.filter((existing) => existing.type !== mark.type);
  return [...others, mark].sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

/** A pasted href made safe to keep, or null when the link must be dropped. */
export function toCleanHref(raw: string | undefined): string | null {
  const href = (raw ?? '').trim().replace(/\s/gu, (space) => encodeURIComponent(space));
  return href.length <= BODY_LIMITS.url && isAllowedLinkHref(href) ? href : null;
}

function run(text: string, marks: readonly Mark[]): TextRun {
  return marks.length === 0 ? { type: 'text', text } : { type: 'text', text, marks: [...marks] };
}

function endsWithBreak(target: readonly Inline[]): boolean {
  return target.length === 0 || target.at(-1)?.type === 'break';
}

/**
 * Appends the inlines of `nodes` to `target`. Media found on the way (an image inside a
 * paragraph) is handed to `onMedia`, which decides where its block goes.
 */
export function appendInlines(
  target: Inline[],
  nodes: readonly ChildNode[],
  marks: readonly Mark[],
  onMedia: (element: Element) => void,
): void {
  for (const node of nodes) {
    if (isText(node)) {
      target.push(run(node.data, marks));
      continue;
    }
    if (!isTag(node)) continue;
    const mark = MARK_TAGS[node.name];
    if (node.name === 'br') {
      target.push({ type: 'break' });
    } else if (mark !== undefined) {
      appendInlines(target, node.children, withMark(marks, mark), onMedia);
    } else if (node.name === 'a') {
      const href = toCleanHref(node.attribs.href);
      const linked = href === null ? marks : withMark(marks, { type: 'link', href });
      appendInlines(target, node.children, linked, onMedia);
    } else if (MEDIA_ELEMENTS.has(node.name)) {
      onMedia(node);
    } else if (LINE_ELEMENTS.has(node.name)) {
      if (!endsWithBreak(target)) target.push({ type: 'break' });
      appendInlines(target, node.children, marks, onMedia);
      if (!endsWithBreak(target)) target.push({ type: 'break' });
    } else {
      appendInlines(target, node.children, marks, onMedia);
    }
  }
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);
}

function trimEnd(out: Inline[]): void {
  const last = out.at(-1);
  if (last?.type !== 'text') return;
  last.text = last.text.replace(/ +$/u, '');
  if (last.text === '') {
    out.pop();
    trimEnd(out);
  }
}

function splitLongRuns(inlines: readonly Inline[]): Inline[] {
  return inlines.flatMap((inline) => {
    if (inline.type !== 'text' || inline.text.length <= BODY_LIMITS.textRun) return [inline];
    const pieces: Inline[] = [];
    for (let start = 0; start < inline.text.length; start += BODY_LIMITS.textRun) {
      pieces.push({ ...inline, text: inline.text.slice(start, start + BODY_LIMITS.textRun) });
    }
    return pieces;
  });
}

/**
 * Tidies collected inlines. With `preserveWhitespace` (for `<pre>`), spaces are kept and
 * newlines become line breaks; otherwise whitespace collapses as in the browser.
 */
export function normalizeInlines(
  inlines: readonly Inline[],
  { preserveWhitespace = false } = {},
): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    if (inline.type === 'break') {
      if (!preserveWhitespace) trimEnd(out);
      out.push(inline);
      continue;
    }
    if (preserveWhitespace && inline.text.includes('\n')) {
      const lines = inline.text.split('\n');
      lines.forEach((line, index) => {
        if (index > 0) out.push({ type: 'break' });
        if (line !== '') out.push({ ...inline, text: line });
      });
      continue;
    }
    let text = preserveWhitespace ? inline.text : inline.text.replace(/[ \t\n\r\f]+/gu, ' ');
    const previous = out.at(-1);
    const lineStartOrSpace =
      previous === undefined || previous.type === 'break' || previous.text.endsWith(' ');
    if (!preserveWhitespace && lineStartOrSpace) text = text.replace(/^ /u, '');
    if (text === '') continue;
    if (previous?.type === 'text' && sameMarks(previous, inline)) {
      previous.text += text;
    } else {
      out.push({ ...inline, text });
    }
  }
  if (!preserveWhitespace) trimEnd(out);
  while (out[0]?.type === 'break') out.shift();
  while (out.at(-1)?.type === 'break') out.pop();
  return splitLongRuns(out);
}

/** True when the inlines show at least one visible character. */
export function hasVisibleText(inlines: readonly Inline[]): boolean {
  return inlines.some((inline) => inline.type === 'text' && inline.text.trim() !== '');
}

/** Plain text of some nodes, whitespace collapsed, skipping elements `skip` rejects. */
export function toPlainText(
  nodes: readonly ChildNode[],
  skip: (element: Element) => boolean = () => false,
): string {
  const parts: string[] = [];
  const visit = (children: readonly ChildNode[]): void => {
    for (const node of children) {
      if (isText(node)) parts.push(node.data);
      else if (isTag(node) && !skip(node)) {
        if (node.name === 'br' || LINE_ELEMENTS.has(node.name)) parts.push(' ');
        visit(node.children);
      }
    }
  };
  visit(nodes);
  return parts
    .join('')
    .replace(/[ \t\n\r\f]+/gu, ' ')
    .trim();
}
