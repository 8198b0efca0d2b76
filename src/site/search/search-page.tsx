import { searchPath, type SearchHitView, type SearchView } from './search-view.js';

function SearchForm({ text }: { text: string }) {
  return (
    <form role="search" class="search-form" action="/search" method="get">
      <label for="search-q">Search articles</label>
      <input id="search-q" type="search" name="q" value={text} maxLength={200} />
      <button type="submit" class="button">
        Search
      </button>
    </form>
  );
}

function SearchHit({ hit }: { hit: SearchHitView }) {
  return (
    <li>
      {hit.section !== null && (
        <p class="article-section">
          <a href={hit.section.url}>{hit.section.name}</a>
        </p>
      )}
      <h2>
        {/* Escaped by the search service; only its <mark> elements are markup. */}
        <a href={hit.url} dangerouslySetInnerHTML={{ __html: hit.headlineHtml }} />
      </h2>
      {hit.snippetHtml !== '' && (
        <p class="search-snippet" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
      )}
      <p>
        <time datetime={hit.published.iso}>{hit.published.text}</time>
      </p>
    </li>
  );
}

function SearchPagination({
  text,
  page,
  pageCount,
}: {
  text: string;
  page: number;
  pageCount: number;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Search result pages">
      {page > 1 && (
        <a href={searchPath(text, Math.min(page - 1, pageCount))} rel="prev">
          ← Previous
        </a>
      )}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount && (
        <a href={searchPath(text, page + 1)} rel="next">
          Next →
        </a>
      )}
    </nav>
  );
}

function Results({ view }: { view: Extract<SearchView, { state: 'results' }> }) {
  const noun = view.total === 1 ? 'article matches' : 'articles match';
  return (
    <>
      <p class="search-summary">
        {view.total} {noun} “{view.text}”
      </p>
      {view.hits.length === 0 ? (
        <p>
          This page is past the last result.{' '}
          <a href={searchPath(view.text)}>Go to the first page</a>.
        </p>
      ) : (
        <ol class="search-results">
          {view.hits.map((hit) => (
            <SearchHit key={hit.url} hit={hit} />
          ))}
        </ol>
      )}
      <SearchPagination text={view.text} page={view.page} pageCount={view.pageCount} />
    </>
  );
}

/** `/search`: the form, then a prompt, a "nothing found" note, or ranked results. */
export function SearchPage({ view }: { view: SearchView }) {
  const text = view.state === 'empty' ? '' : view.text;
  return (
    <section aria-labelledby="search-heading" class="search-page">
      <h1 id="search-heading" class="page-heading">
        Search
      </h1>
      <SearchForm text={text} />
      {view.state === 'empty' && (
        <p class="search-summary">
          Search every article we have published. Put words in “quotes” to find them together, or a
          minus before a word (-weather) to leave it out.
        </p>
      )}
      {view.state === 'no-results' && (
        <div class="search-summary">
          <p>No articles match “{view.text}”.</p>
          <p>Check the spelling, use fewer words, or try a more general word.</p>
        </div>
      )}
      {view.state === 'results' && <Results view={view} />}
    </section>
  );
}
