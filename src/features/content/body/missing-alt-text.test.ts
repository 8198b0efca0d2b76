import { expect, test } from 'vitest';
import type { Block } from './body.types.js';
import { findMissingAltText } from './missing-alt-text.js';

const image = (alt: string): Block => ({
  type: 'image',
  mediaId: 'm',
  src: '',
  alt,
  caption: '',
  credit: '',
});

test('lists each image without alt text by its path, for the publish check', () => {
  const blocks: Block[] = [image('A flooded street'), { type: 'divider' }, image(''), image('   ')];
  expect(findMissingAltText({ version: 1, blocks })).toEqual([
    {
      field: 'body.blocks[2].alt',
      message: 'needs alt text that describes the image for readers who cannot see it',
    },
    {
      field: 'body.blocks[3].alt',
      message: 'needs alt text that describes the image for readers who cannot see it',
    },
  ]);
});

test('finds nothing when every image is described', () => {
  expect(findMissingAltText({ version: 1, blocks: [image('A map of the district')] })).toEqual([]);
});
