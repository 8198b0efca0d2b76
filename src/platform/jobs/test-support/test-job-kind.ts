/**
 * The one job kind the job tests use. It lives under test-support, which the build leaves
 * out, so no shipped code can enqueue it.
 */
declare module '../job-kinds.js' {
  interface JobKinds {
    'test.record': { label: string };
  }
}

// A module, so the block above adds to JobKinds instead of declaring a new module.
export {};
