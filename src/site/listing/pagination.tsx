/** "Newer" and "Older" links for a paginated list; nothing when there is one page. */
export function Pagination({
  path,
  page,
  hasNext,
}: {
  path: string;
  page: number;
  hasNext: boolean;
}) {
  if (page === 1 && !hasNext) return null;
  const href = (n: number): string => (n === 1 ? path : `${path}?page=${n}`);
  return (
    <nav class="pagination" aria-label="Pages">
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          ← Newer stories
        </a>
      )}
      <span>Page {page}</span>
      {hasNext && (
        <a href={href(page + 1)} rel="next">
          Older stories →
        </a>
      )}
    </nav>
  );
}
