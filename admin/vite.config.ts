import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes a Brotli and a gzip copy beside every built script and stylesheet, once at build
 * time; the server sends the one the browser accepts (`preCompressed` in admin.routes.ts).
 */
function precompress(outDir: string): Plugin {
  return {
    name: 'masthead-precompress',
    apply: 'build',
    closeBundle() {
      const assets = path.join(outDir, 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg)$/.test(name)) continue;
        const file = path.join(assets, name);
        const data = readFileSync(file);
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The staff CMS: built into `admin/dist`, served by `src/site/admin/admin.routes.ts` under
 * `/admin`. `npm run dev:admin` serves it with hot reload and forwards the API to a
 * Masthead running on port 2368.
 */
const backend = 'http://127.0.0.1:2368';

export default defineConfig({
  root,
  plugins: [precompress(path.join(root, 'dist'))],
  base: '/admin/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': backend, '/content': backend, '/preview': backend },
  },
});
