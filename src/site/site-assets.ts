import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { projectRoot } from '../platform/project-root.js';
import { loadIsland } from './islands/island-assets.js';
import { islandNames, type IslandName } from './islands/island-entries.js';

/** A static file the site links to, fingerprinted so it can be cached for a year. */
export interface SiteAsset {
  readonly url: string;
  readonly body: Buffer;
  /** Compressed once at start. */
  readonly gzip: Buffer;
  readonly brotli: Buffer;
  readonly contentType: string;
}

export interface SiteAssets {
  readonly css: SiteAsset;
  /** The client islands, each bundled from its TypeScript entry. */
  readonly islands: Readonly<Record<IslandName, SiteAsset>>;
  byUrl(url: string): SiteAsset | undefined;
}

/** A fingerprinted asset at `/assets/{stem}.{hash}{extension}`, compressed once. */
export function toSiteAsset(
  stem: string,
  extension: string,
  body: Buffer,
  contentType: string,
): SiteAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return {
    url: `/assets/${stem}.${hash}${extension}`,
    body,
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    contentType,
  };
}

function load(name: string, contentType: string): SiteAsset {
  const dot = name.lastIndexOf('.');
  return toSiteAsset(
    name.slice(0, dot),
    name.slice(dot),
    readFileSync(path.join(projectRoot(), 'assets', name)),
    contentType,
  );
}

export function loadSiteAssets(): SiteAssets {
  const css = load('site.css', 'text/css; charset=utf-8');
  const islands = Object.fromEntries(islandNames.map((name) => [name, loadIsland(name)])) as Record<
    IslandName,
    SiteAsset
  >;
  const all = new Map([css, ...Object.values(islands)].map((asset) => [asset.url, asset]));
  return { css, islands, byUrl: (url) => all.get(url) };
}
