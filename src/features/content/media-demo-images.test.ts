import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderDemoImage, renderDemoPortrait } from './media-demo-images.js';

describe('demo images', () => {
  it('renders a PNG of the requested size, the same for the same seed and label', async () => {
    const first = await renderDemoImage({
      width: 480,
      height: 300,
      seed: 2,
      label: 'Council vote',
    });
    const again = await renderDemoImage({
      width: 480,
      height: 300,
      seed: 2,
      label: 'Council vote',
    });

    const metadata = await sharp(first).metadata();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 480, 300]);
    expect(again.equals(first)).toBe(true);
  });

  it('draws a different picture for each seed and each label', async () => {
    const pictures = await Promise.all([
      renderDemoImage({ width: 160, height: 100, seed: 0, label: 'a' }),
      renderDemoImage({ width: 160, height: 100, seed: 1, label: 'a' }),
      renderDemoImage({ width: 160, height: 100, seed: 0, label: 'b' }),
    ]);

    expect(new Set(pictures.map((picture) => picture.toString('base64'))).size).toBe(3);
  });

  it('renders a 600 × 600 portrait that is not a flat colour', async () => {
    const portrait = await renderDemoPortrait({ seed: 3, initials: 'OK' });

    const metadata = await sharp(portrait).metadata();
    const stats = await sharp(portrait).stats();
    expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', 600, 600]);
    expect(stats.channels.every((channel) => channel.stdev > 10)).toBe(true);
  });
});
