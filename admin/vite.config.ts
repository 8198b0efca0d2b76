import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The staff CMS: built into `admin/dist`, served by `src/site/admin/admin.routes.ts` under
 * `/admin`. `npm run dev:admin` serves it with hot reload and forwards the API to a
 * Masthead running on port 2368.
 */
const backend = 'http://127.0.0.1:2368';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
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
