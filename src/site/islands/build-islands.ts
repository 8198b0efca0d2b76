import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../platform/project-root.js';
import { bundleIslandFromSource } from './island-bundle.js';
import { islandNames } from './island-entries.js';

/** Where `npm run build` writes the bundled islands, one file per island. */
export function builtIslandsDir(): string {
  return path.join(projectRoot(), 'dist', 'islands');
}

/** Bundles every island into dist/islands; run by `npm run build` after tsc. */
export function buildIslands(): string[] {
  const dir = builtIslandsDir();
  mkdirSync(dir, { recursive: true });
  return islandNames.map((name) => {
    const file = path.join(dir, `${name}.js`);
    writeFileSync(file, bundleIslandFromSource(name));
    return file;
  });
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  for (const file of buildIslands())
    process.stdout.write(`island: ${path.relative(projectRoot(), file)}\n`);
}
