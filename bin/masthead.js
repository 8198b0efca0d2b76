#!/usr/bin/env node
// The `masthead` command. Runs the compiled program in dist/, built by `npm install`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/src/main/cli-entry.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write(
    'Masthead is not built yet. Run `npm install` (or `npm run build`) first.\n',
  );
  process.exit(1);
}
await import(entry.href);
