/** Reader-facing paths. One place, so links, feeds, sitemaps and canonicals agree. */
export const sitePaths = {
  home: (): string => '/',
  article: (slug: string): string => `/${encodeURIComponent(slug)}`,
  tag: (slug: string): string => `/tag/${encodeURIComponent(slug)}`,
  author: (slug: string): string => `/author/${encodeURIComponent(slug)}`,
  editPost: (id: string): string => `/admin/posts/${encodeURIComponent(id)}`,
  /** A post in any status as readers would see it; staff only. */
  preview: (id: string): string => `/preview/${encodeURIComponent(id)}`,
};

export function absoluteUrl(siteUrl: string, pathOrUrl: string): string {
  return new URL(pathOrUrl, `${siteUrl}/`).toString();
}
