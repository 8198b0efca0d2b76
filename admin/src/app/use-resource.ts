import { useCallback, useEffect, useState } from 'preact/hooks';

export type Resource<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: unknown }
  | { readonly state: 'ready'; readonly value: T };

/**
 * Loads something when `key` changes; `reload()` loads it again. Late answers are ignored,
 * and a new key shows as loading at once: a screen never gets the previous key's value.
 */
export function useResource<T>(load: () => Promise<T>, key: string): [Resource<T>, () => void] {
  const [loaded, setLoaded] = useState<{ key: string; resource: Resource<T> }>({
    key,
    resource: { state: 'loading' },
  });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setLoaded({ key, resource: { state: 'ready', value } }),
      (error: unknown) => current && setLoaded({ key, resource: { state: 'failed', error } }),
    );
    return () => {
      current = false;
    };
    // `load` is a new function on every render; `key` says when it means something new.
  }, [key, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [loaded.key === key ? loaded.resource : { state: 'loading' }, reload];
}
