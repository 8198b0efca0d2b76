import { useEffect, useState } from 'preact/hooks';

/**
 * History routing under `/admin`. Screens link with plain `<a href="/admin/…">`; the app
 * intercepts same-app clicks, so links still open in a new tab with a modifier key.
 */

export const adminBase = '/admin';

export interface Location {
  /** The path inside the app, starting with `/` (`/posts/abc`). */
  readonly path: string;
  readonly query: URLSearchParams;
}

function readLocation(): Location {
  const { pathname, search } = window.location;
  const inner = pathname.startsWith(adminBase) ? pathname.slice(adminBase.length) : pathname;
  return {
    path: inner === '' ? '/' : inner.replace(/\/+$/, '') || '/',
    query: new URLSearchParams(search),
  };
}

const changeEvent = 'masthead:navigate';

export function adminHref(path: string): string {
  return path === '/' ? adminBase : `${adminBase}${path}`;
}

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  const href = adminHref(path);
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(changeEvent));
}

export function useLocation(): Location {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const update = () => setLocation(readLocation());
    window.addEventListener('popstate', update);
    window.addEventListener(changeEvent, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(changeEvent, update);
    };
  }, []);
  return location;
}

/** Turns clicks on links inside the app into history navigation. */
export function interceptLinks(root: HTMLElement): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest('a');
    if (anchor === null || anchor === undefined || anchor.target !== '') return;
    const url = new URL(anchor.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    if (url.pathname !== adminBase && !url.pathname.startsWith(`${adminBase}/`)) return;
    if (url.pathname.startsWith(`${adminBase}/assets/`)) return;
    event.preventDefault();
    window.history.pushState(null, '', url.pathname + url.search);
    window.dispatchEvent(new Event(changeEvent));
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

/** Matches `/posts/:id` against `/posts/abc` → `{ id: 'abc' }`, or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const value = got[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}
