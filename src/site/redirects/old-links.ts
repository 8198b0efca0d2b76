/**
 * The shapes of links other platforms gave out, read as pure functions: Ghost's trailing
 * slashes (`/slug/`) and WordPress's dated permalinks (`/2024/11/14/slug/`, `/2024/11/slug/`).
 */

const datedLink = /^\/\d{4}\/\d{2}(?:\/\d{2})?\/([^/]+)$/;
const oneSegment = /^\/([^/]+)$/;

/** True for a path such as `/slug/` whose canonical form has no trailing slash. */
export function hasTrailingSlash(path: string): boolean {
  return path.length > 1 && path.endsWith('/');
}

/**
 * The article slug an old link names, decoded: the last part of a dated permalink, or the
 * only part of a path that came with a trailing slash. Null for anything else.
 */
export function toOldLinkSlug(canonicalPath: string, hadTrailingSlash: boolean): string | null {
  const encoded =
    datedLink.exec(canonicalPath)?.[1] ??
    (hadTrailingSlash ? oneSegment.exec(canonicalPath)?.[1] : undefined);
  if (encoded === undefined) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}
