/**
 * Every client island: its name and its entry module, relative to the project root. An
 * island is a TypeScript module that may import others; esbuild bundles each entry into
 * one minified ES module (docs/adr/0013-islands-bundled-by-esbuild.md).
 */
export const islandEntries = {
  'news-feed': 'src/site/live/island/news-feed.island.ts',
  'audio-player': 'src/site/narration/island/audio-player.island.ts',
  campaign: 'src/site/campaigns/island/campaign.island.ts',
  newsletter: 'src/site/newsletters/island/newsletter-signup.island.ts',
} as const satisfies Record<string, string>;

export type IslandName = keyof typeof islandEntries;

export const islandNames = Object.keys(islandEntries) as IslandName[];
