import type { ArticleGate } from './article-page.js';

/** In place of the locked part: who the article is for and how to become one of them. */
export function GateCard({ gate }: { gate: ArticleGate }) {
  const forPaying = gate.visibility === 'paid';
  return (
    <section class="gate-card" aria-labelledby="gate-card-title">
      <h2 id="gate-card-title">
        {forPaying ? 'This article is for paying members' : 'This article is for members'}
      </h2>
      {forPaying ? (
        <p>
          {gate.signedIn
            ? 'Your membership is free. Paying members read the whole article.'
            : 'Paying members read the whole article. Sign in if you are one.'}
        </p>
      ) : (
        <p>Sign in or create a free account with your e-mail address to read the whole article.</p>
      )}
      {!gate.signedIn && (
        <p>
          <a class="button" href={gate.signInUrl}>
            Sign in
          </a>
        </p>
      )}
      {forPaying && (
        <p>
          <a class="button" href="/membership">
            Become a member
          </a>{' '}
          <a href="/gift">Give a membership</a>
        </p>
      )}
      {gate.signedIn && (
        <p>
          <a href="/account">Your account</a>
        </p>
      )}
    </section>
  );
}
