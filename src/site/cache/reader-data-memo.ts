import { cacheTags } from './cache-tags.js';

/**
 * What reader pages read from the database and many pages share (navigation, lists of
 * posts, Editors' Picks, the news feed's latest entries), held in memory between the
 * changes that alter it. Each value names its cache tags, like a cached page; the domain
 * events that purge the page cache purge these by the same tags (decideStaleTags), in
 * every process. A value still loading when a purge names it is dropped too.
 */
export interface ReaderDataMemo {
  get<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T>;
  purge(staleTags: readonly string[]): void;
  size(): number;
}

interface Held {
  readonly value: Promise<unknown>;
  readonly tags: readonly string[];
  readonly expiresAt: number;
}

/** The same safety lifetime as the page cache, for a change that came without an event. */
const safetyLifetimeMs = 5 * 60 * 1000;
const mostValues = 500;

export function createReaderDataMemo(deps: { readonly now: () => number }): ReaderDataMemo {
  const held = new Map<string, Held>();
  return {
    get<T>(key: string, tags: readonly string[], load: () => Promise<T>): Promise<T> {
      const now = deps.now();
      const found = held.get(key);
      if (found !== undefined && found.expiresAt > now) return found.value as Promise<T>;
      // Held while it loads too: a purge meanwhile drops it, so it never outlives a change.
      const value = load();
      held.delete(key);
      held.set(key, { value, tags, expiresAt: now + safetyLifetimeMs });
      if (held.size > mostValues) held.delete(held.keys().next().value as string);
      value.catch(() => {
        if (held.get(key)?.value === value) held.delete(key);
      });
      return value;
    },

    purge(staleTags) {
      if (staleTags.length === 0) return;
      if (staleTags.includes(cacheTags.site)) {
        held.clear();
        return;
      }
      for (const [key, item] of held) {
        if (item.tags.some((tag) => staleTags.includes(tag))) held.delete(key);
      }
    },

    size: () => held.size,
  };
}
