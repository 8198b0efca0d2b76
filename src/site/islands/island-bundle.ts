import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Esbuild from 'esbuild';
import { projectRoot } from '../../platform/project-root.js';
import { islandEntries, type IslandName } from './island-entries.js';

/** The options every island is bundled with, at build time and when running from source. */
export function islandBuildOptions(name: IslandName): Esbuild.BuildOptions {
  return {
    entryPoints: [path.join(projectRoot(), islandEntries[name])],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
  };
}

/**
 * Bundles one island from its TypeScript source. esbuild is a development dependency:
 * it is loaded only here, when running from source (tsx, vitest), never by a built server.
 */
export function bundleIslandFromSource(name: IslandName): Buffer {
  const require = createRequire(import.meta.url);
  const esbuild = require('esbuild') as typeof Esbuild;
  const result = esbuild.buildSync(islandBuildOptions(name));
  const [output] = result.outputFiles ?? [];
  if (output === undefined) throw new Error(`The ${name} island produced no output.`);
  return Buffer.from(output.contents);
}
