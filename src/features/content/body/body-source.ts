import type { BodyDocument } from './body.types.js';
import { htmlToBody } from './html-to-body.js';
import { markdownToBody } from './markdown-to-body.js';

/** Text a writer sends instead of a body document: Markdown or HTML, to be converted. */
export interface BodySource {
  readonly format: 'markdown' | 'html';
  readonly text: string;
}

/** Converts a body source on the calling thread; see `createBodyConverter` for large ones. */
export function convertBodySource(source: BodySource): BodyDocument {
  return source.format === 'markdown' ? markdownToBody(source.text) : htmlToBody(source.text);
}
