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
    setupFiles: ['test/support/wait-defaults.ts'],
    pool: 'forks',
    // Most suites wait on PostgreSQL, Chromium or child processes: run three at a time on 2 cores.
    maxWorkers: 3,
    // Generous bounds: a test waits for conditions, and a busy machine only makes it slower.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // `expect.poll` gives up after a second by default; a busy machine can take longer.
    expect: { poll: { timeout: 60_000, interval: 20 } },
  },
});
