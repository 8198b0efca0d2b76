import type { Block, BodyDocument } from '../content/body/body.types.js';
import type { Visibility } from '../content/post.js';
import type { Entitlement } from './entitlement.js';

/**
 * The one reader-access rule: what of a post a reader receives. Every surface (article
 * page, Content API, search, feeds, e-mail, audio) asks this function and sends only
 * `body`, so the locked part never leaves for a reader without access.
 */
export interface ReaderAccess {
  /** `whole`: everything; `preview`: the start only; `nothing`: no body at all. */
  readonly level: 'whole' | 'preview' | 'nothing';
  /** What the reader may receive; never holds the paywall marker. */
  readonly body: BodyDocument;
  /** Who the post is for: decides the card a gated article shows. */
  readonly visibility: Visibility;
}

/** Without a paywall marker, a gated post shows at most this many paragraphs. */
export const previewParagraphs = 2;

/** True when a reader with `entitlement` may read the whole of a post with `visibility`. */
export function canReadWhole(visibility: Visibility, entitlement: Entitlement): boolean {
  switch (visibility) {
    case 'public':
      return true;
    case 'members':
      return entitlement !== 'anonymous';
    case 'paid':
      return entitlement === 'paying' || entitlement === 'staff';
  }
}

/**
 * The blocks before the paywall marker; without one, the blocks up to and including the
 * first `previewParagraphs` paragraphs, and never every block of the body.
 */
function previewBlocks(blocks: readonly Block[]): Block[] {
  const marker = blocks.findIndex((block) => block.type === 'paywall');
  if (marker >= 0) return blocks.slice(0, marker);
  let paragraphs = 0;
  let end = 0;
  while (end < blocks.length && paragraphs < previewParagraphs) {
    if (blocks[end]?.type === 'paragraph') paragraphs += 1;
    end += 1;
  }
  return blocks.slice(0, Math.min(end, blocks.length - 1));
}

export function decideReaderAccess(
  post: { readonly visibility: Visibility; readonly body: BodyDocument },
  entitlement: Entitlement,
): ReaderAccess {
  const { visibility } = post;
  if (canReadWhole(visibility, entitlement)) {
    const blocks = post.body.blocks.filter((block) => block.type !== 'paywall');
    return { level: 'whole', body: { version: 1, blocks }, visibility };
  }
  const blocks = previewBlocks(post.body.blocks);
  return {
    level: blocks.length === 0 ? 'nothing' : 'preview',
    body: { version: 1, blocks },
    visibility,
  };
}
