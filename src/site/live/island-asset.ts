import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';
import { toSiteAsset, type SiteAsset } from '../site-assets.js';

const compiledFile = new URL('./island/news-feed.island.js', import.meta.url);
const sourceFile = new URL('./island/news-feed.island.ts', import.meta.url);

/**
 * Running from source (tsx, vitest) there is no compiled island next to this file, so it
 * is compiled here with the same compiler `npm run build` uses. TypeScript is a development
 * dependency, present whenever the source is run directly. See docs/adr/0004.
 */
function compileFromSource(): string {
  const require = createRequire(import.meta.url);
  const ts = require('typescript') as typeof TypeScript;
  return ts.transpileModule(readFileSync(sourceFile, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext },
  }).outputText;
}

/**
 * The news feed island as a fingerprinted asset: the ES module `tsc` compiled into dist/
 * by `npm install`/`npm run build`, served at /assets/live/news-feed.{hash}.js.
 */
export function loadNewsFeedIsland(): SiteAsset {
  const code = existsSync(fileURLToPath(compiledFile))
    ? readFileSync(compiledFile, 'utf8')
    : compileFromSource();
  // The source map is not served; the script is small and readable as it is.
  const body = Buffer.from(code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  return toSiteAsset('live/news-feed', '.js', body, 'text/javascript; charset=utf-8');
}
