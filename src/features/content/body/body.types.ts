/**
 * The body: a post's typed block document. Stored as JSON, validated once at the edge by
 * `parseBody`, rendered by `BodyView`. Every block is a tagged union member so that each
 * consumer can switch exhaustively over `type`.
 */

export type Mark =
  | { type: 'bold' }
  | { type: 'italic' }
  | { type: 'code' }
  | { type: 'strike' }
  | { type: 'link'; href: string };

export interface TextRun {
  type: 'text';
  text: string;
  marks?: Mark[];
}

export interface LineBreak {
  type: 'break';
}

export type Inline = TextRun | LineBreak;

export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; level: 2 | 3 | 4; content: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; content: Inline[]; attribution?: string }
  | { type: 'pullquote'; text: string; attribution?: string }
  | {
      type: 'image';
      mediaId: string | null;
      src: string;
      alt: string;
      caption: string;
      credit: string;
    }
  | { type: 'embed'; url: string; provider: EmbedProvider; title: string }
  | { type: 'related'; postId: string }
  | { type: 'divider' }
  | { type: 'paywall' };

export type EmbedProvider =
  'youtube' | 'vimeo' | 'x' | 'instagram' | 'tiktok' | 'soundcloud' | 'link';

export interface BodyDocument {
  version: 1;
  blocks: Block[];
}

export type BlockType = Block['type'];
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;
