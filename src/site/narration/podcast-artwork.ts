import sharp from 'sharp';

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The podcast's square artwork (1400 px, the smallest Apple Podcasts accepts): the site
 * title on its accent colour, drawn once from SVG by sharp.
 */
export async function renderPodcastArtwork(title: string, accent: string): Promise<Buffer> {
  const colour = /^#[0-9a-fA-F]{3,8}$/.test(accent) ? accent : '#b3261e';
  const words = title.length > 24 ? title.slice(0, 24) : title;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="1400">
<rect width="1400" height="1400" fill="${colour}"/>
<text x="700" y="660" font-family="Georgia, serif" font-size="130" font-weight="700" fill="#ffffff" text-anchor="middle">${escapeXml(words)}</text>
<text x="700" y="860" font-family="sans-serif" font-size="80" fill="#ffffff" text-anchor="middle">Listen to the articles</text>
</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
