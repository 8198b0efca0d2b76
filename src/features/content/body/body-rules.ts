import { assertNever } from '../../../platform/errors.js';
import type { FieldProblem } from '../../../platform/errors.js';
import type { Block, Inline } from './body.types.js';
import { detectEmbed, toProviderLabel } from './embed-provider.js';
import { isAllowedImageSrc, isAllowedLinkHref } from './safe-url.js';

/**
 * Content rules that a schema cannot express: which URLs are safe, whether an embed's
 * provider matches its address, whether an image has somewhere to come from.
 * Called only for blocks whose shape is already valid.
 */

const LINK_MESSAGE =
  'must be a web address (https://…), an e-mail link (mailto:…) or a path on this site (/…)';

function checkInlineLinks(content: readonly Inline[], path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  content.forEach((inline, index) => {
    if (inline.type !== 'text') return;
    inline.marks?.forEach((mark, markIndex) => {
      if (mark.type === 'link' && !isAllowedLinkHref(mark.href)) {
        problems.push({
          field: `${path}[${index}].marks[${markIndex}].href`,
          message: LINK_MESSAGE,
        });
      }
    });
  });
  return problems;
}

function checkEmbed(block: Extract<Block, { type: 'embed' }>, path: string): FieldProblem[] {
  const detected = detectEmbed(block.url);
  if (detected === null) {
    return [
      { field: `${path}.url`, message: 'must be a secure web address starting with https://' },
    ];
  }
  if (detected.provider !== block.provider) {
    const expected =
      detected.provider === 'link' ? 'a plain link' : toProviderLabel(detected.provider);
    return [
      {
        field: `${path}.provider`,
        message: `does not match the address, which is ${expected} ("${detected.provider}")`,
      },
    ];
  }
  return [];
}

function checkImage(block: Extract<Block, { type: 'image' }>, path: string): FieldProblem[] {
  if (block.src === '') {
    return block.mediaId === null
      ? [
          {
            field: `${path}.src`,
            message: 'is required for an image that is not in the media library',
          },
        ]
      : [];
  }
  return isAllowedImageSrc(block.src)
    ? []
    : [
        {
          field: `${path}.src`,
          message: 'must be a web address (https://…) or a path on this site (/…)',
        },
      ];
}

export function checkBlockRules(block: Block, path: string): FieldProblem[] {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return checkInlineLinks(block.content, `${path}.content`);
    case 'list':
      return block.items.flatMap((item, index) =>
        checkInlineLinks(item, `${path}.items[${index}]`),
      );
    case 'image':
      return checkImage(block, path);
    case 'embed':
      return checkEmbed(block, path);
    case 'pullquote':
    case 'related':
    case 'divider':
    case 'paywall':
      return [];
    default:
      return assertNever(block);
  }
}
