/**
 * The job kinds the job tests use. It lives under test-support, which the build leaves
 * out, so no shipped code can enqueue it.
 */
declare module '../job-kinds.js' {
  interface JobKinds {
    'test.record': { label: string };
    /** A kind the tests run under a limit of one at a time. */
    'test.limited': { label: string };
  }
}

// A module, so the block above adds to JobKinds instead of declaring a new module.
export {};
