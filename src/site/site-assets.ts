import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../platform/project-root.js';

/** A static file the site links to, fingerprinted so it can be cached for a year. */
export interface SiteAsset {
  readonly url: string;
  readonly body: Buffer;
  readonly contentType: string;
}

export interface SiteAssets {
  readonly css: SiteAsset;
  byUrl(url: string): SiteAsset | undefined;
}

function load(name: string, contentType: string): SiteAsset {
  const body = readFileSync(path.join(projectRoot(), 'assets', name));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const dot = name.lastIndexOf('.');
  return { url: `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`, body, contentType };
}

export function loadSiteAssets(): SiteAssets {
  const css = load('site.css', 'text/css; charset=utf-8');
  const all = new Map([[css.url, css]]);
  return { css, byUrl: (url) => all.get(url) };
}
