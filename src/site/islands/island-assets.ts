import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSiteAsset, type SiteAsset } from '../site-assets.js';
import { builtIslandsDir } from './build-islands.js';
import { bundleIslandFromSource } from './island-bundle.js';
import type { IslandName } from './island-entries.js';

/** True when this module runs from the compiled dist/ tree rather than from source. */
function runningBuilt(): boolean {
  return fileURLToPath(import.meta.url)
    .split(path.sep)
    .includes('dist');
}

/**
 * An island as a fingerprinted asset at /assets/islands/{name}.{hash}.js: the bundle
 * `npm run build` wrote, or, running from source, bundled now from the TypeScript.
 */
export function loadIsland(name: IslandName): SiteAsset {
  const body = runningBuilt()
    ? readFileSync(path.join(builtIslandsDir(), `${name}.js`))
    : bundleIslandFromSource(name);
  return toSiteAsset(`islands/${name}`, '.js', body, 'text/javascript; charset=utf-8');
}
