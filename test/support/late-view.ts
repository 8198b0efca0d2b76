/**
 * The fields of something a `beforeAll` hook sets up, to be read in tests and later hooks,
 * as with `ctx.handle`: reading one before the hook has run throws, naming `what`.
 */
export function lateView<T extends object>(what: string, current: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const value = current();
      if (value === undefined) throw new Error(`${what} has not started yet.`);
      return (value as Record<PropertyKey, unknown>)[key];
    },
  });
}
