import { vi } from 'vitest';

/**
 * `vi.waitFor` gives up after one second unless told otherwise. A condition that holds
 * on a quiet machine can take longer while other work shares the cores, so every wait in
 * the suite gets a generous bound: a test waits for its condition, never for a time.
 */
const waitFor = vi.waitFor.bind(vi);
const generous = { timeout: 60_000, interval: 20 };

vi.waitFor = (callback, options) =>
  waitFor(
    callback,
    typeof options === 'number' ? { ...generous, timeout: options } : { ...generous, ...options },
  );
