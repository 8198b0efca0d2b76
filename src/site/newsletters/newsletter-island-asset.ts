import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as TypeScript from 'typescript';
import { toSiteAsset, type SiteAsset } from '../site-assets.js';

const compiledFile = new URL('./island/newsletter-signup.island.js', import.meta.url);
const sourceFile = new URL('./island/newsletter-signup.island.ts', import.meta.url);

/** From source (tsx, vitest) the island is compiled here, as the news feed's is (ADR 0004). */
function compileFromSource(): string {
  const require = createRequire(import.meta.url);
  const ts = require('typescript') as typeof TypeScript;
  return ts.transpileModule(readFileSync(sourceFile, 'utf8'), {
    compilerOptions: { target: ts.ScriptTarget.ES2023, module: ts.ModuleKind.ESNext },
  }).outputText;
}

/** The sign-up island, served at /assets/newsletters/signup.{hash}.js. */
export function loadNewsletterIsland(): SiteAsset {
  const code = existsSync(fileURLToPath(compiledFile))
    ? readFileSync(compiledFile, 'utf8')
    : compileFromSource();
  const body = Buffer.from(code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
  return toSiteAsset('newsletters/signup', '.js', body, 'text/javascript; charset=utf-8');
}
