import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    include: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'test/**/*.test.ts',
      'admin/src/**/*.test.ts',
    ],
    globalSetup: ['test/support/global-setup.ts', 'test/support/cms-build.ts'],
    pool: 'forks',
    // Most suites wait on PostgreSQL, Chromium or child processes: run three at a time on 2 cores.
    maxWorkers: 3,
    // Generous bounds: a test waits for conditions, and a busy machine only makes it slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
