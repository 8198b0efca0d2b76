import type { AppError } from '../platform/errors.js';

export function ErrorPage({ error }: { error: AppError }) {
  const heading =
    error.status === 404
      ? 'We couldn’t find that page'
      : error.status === 410
        ? 'This article is no longer available'
        : error.status === 429
          ? 'Please slow down'
          : error.status >= 500
            ? 'Something went wrong'
            : 'That didn’t work';
  return (
    <section class="error-page">
      <h1>{heading}</h1>
      <p>{error.message}</p>
      <p>
        <a href="/">Go to the front page</a> or <a href="/search">search the site</a>.
      </p>
    </section>
  );
}
