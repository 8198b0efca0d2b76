import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Builds the staff CMS before the run when `admin/dist` is missing or older than any of
 * its sources, so the Chromium journeys test the current code. Runs once per `vitest run`.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
const admin = path.join(root, 'admin');
const builtIndex = path.join(admin, 'dist', 'index.html');

function newestChange(entry: string): number {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestChange(path.join(entry, name))),
    stat.mtimeMs,
  );
}

function isStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const sources = ['src', 'index.html', 'vite.config.ts'].map((name) => path.join(admin, name));
  // Server modules the CMS imports (types, the body's embed rules, roles, errors).
  const shared = [
    path.join(root, 'src', 'features', 'content', 'body'),
    path.join(root, 'src', 'features', 'staff', 'role.ts'),
    path.join(root, 'src', 'platform', 'errors.ts'),
    path.join(root, 'src', 'features', 'content', 'post-delete.ts'),
    path.join(root, 'src', 'features', 'staff', 'permissions.ts'),
  ];
  const newest = Math.max(...[...sources, ...shared].map(newestChange));
  return newest > statSync(builtIndex).mtimeMs;
}

export default function setup(): void {
  if (!isStale()) return;
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(admin, 'vite.config.ts'), '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('Building the staff CMS (admin/) failed; see above.');
}
