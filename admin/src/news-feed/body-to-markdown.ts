import type {
  Block,
  BodyDocument,
  Inline,
  Mark,
} from '../../../src/features/content/body/body.types.js';
import { assertNever } from '../../../src/platform/errors.js';

/**
 * The Markdown the composer would have sent for a body, so an entry can be edited in the
 * same plain textarea it was written in. Gives `null` for a body with blocks Markdown
 * cannot say (images, pull quotes, related cards…): such an entry keeps its body and only
 * its other fields are editable here.
 */
export function toMarkdown(body: BodyDocument): string | null {
  const parts: string[] = [];
  for (const block of body.blocks) {
    const text = blockToMarkdown(block);
    if (text === null) return null;
    parts.push(text);
  }
  return parts.join('\n\n');
}

function blockToMarkdown(block: Block): string | null {
  switch (block.type) {
    case 'paragraph':
      return inlineToMarkdown(block.content);
    case 'heading':
      return `${'#'.repeat(block.level)} ${inlineToMarkdown(block.content)}`;
    case 'list':
      return block.items
        .map((item, index) => `${block.ordered ? `${index + 1}.` : '-'} ${inlineToMarkdown(item)}`)
        .join('\n');
    case 'quote':
      return block.attribution === undefined ? `> ${inlineToMarkdown(block.content)}` : null;
    case 'embed':
      return block.url;
    case 'divider':
      return '---';
    case 'pullquote':
    case 'image':
    case 'related':
    case 'paywall':
      return null;
    default:
      return assertNever(block);
  }
}

function inlineToMarkdown(content: readonly Inline[]): string {
  return content
    .map((inline) => (inline.type === 'break' ? '  \n' : withMarks(inline.text, inline.marks)))
    .join('');
}

function withMarks(text: string, marks: readonly Mark[] = []): string {
  // Code keeps its text as it is; everything else escapes what Markdown would read.
  const isCode = marks.some((mark) => mark.type === 'code');
  let out = isCode ? `\`${text}\`` : text.replace(/[\\*_[\]`~#>]/g, '\\$&');
  for (const mark of marks) {
    if (mark.type === 'bold') out = `**${out}**`;
    else if (mark.type === 'italic') out = `_${out}_`;
    else if (mark.type === 'strike') out = `~~${out}~~`;
    else if (mark.type === 'link') out = `[${out}](${mark.href})`;
  }
  return out;
}
