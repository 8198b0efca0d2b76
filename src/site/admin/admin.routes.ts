import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import { projectRoot } from '../../platform/project-root.js';

/**
 * Serves the staff CMS, a single-page app built by Vite into `admin/dist`: its hashed
 * assets compressed and cached for a year, and its `index.html` for every other `/admin`
 * path.
 */
export function adminRoutes() {
  const dist = path.join(projectRoot(), 'admin', 'dist');
  return async (app: AppInstance): Promise<void> => {
    const indexFile = path.join(dist, 'index.html');
    const index = existsSync(indexFile) ? readFileSync(indexFile) : null;
    if (existsSync(path.join(dist, 'assets'))) {
      await app.register(fastifyStatic, {
        root: path.join(dist, 'assets'),
        prefix: '/admin/assets/',
        decorateReply: false,
        immutable: true,
        maxAge: '365d',
        // Brotli and gzip copies written by the build; the original for other browsers.
        preCompressed: true,
      });
    }
    const serveIndex = async (
      _request: unknown,
      reply: {
        header: (k: string, v: string) => unknown;
        type: (t: string) => { send: (b: Buffer) => unknown };
      },
    ) => {
      if (index === null) {
        throw new AppError(
          'unavailable',
          'The newsroom CMS has not been built yet. Run `npm run build` and start Masthead again.',
        );
      }
      reply.header('cache-control', 'no-store');
      return reply.type('text/html; charset=utf-8').send(index);
    };
    app.get('/admin', { schema: { hide: true } }, serveIndex);
    app.get('/admin/*', { schema: { hide: true } }, serveIndex);
  };
}
