import type { DisplayTime } from '../format-date.js';

export interface ThanksWallView {
  readonly campaignName: string;
  readonly entries: readonly { name: string; city: string; at: DisplayTime }[];
  readonly newerUrl: string | null;
  readonly olderUrl: string | null;
}

/** The supporters who agreed to be thanked, newest first. */
export function ThanksWallPage({ view }: { view: ThanksWallView }) {
  return (
    <div class="thanks-page">
      <h1 class="page-heading">Thank you</h1>
      <p>These readers made {view.campaignName} possible.</p>
      {view.entries.length === 0 ? (
        <p>No one is listed yet.</p>
      ) : (
        <ul class="thanks-wall">
          {view.entries.map((entry, index) => (
            <li key={index}>
              <strong>{entry.name === '' ? 'Anonymous' : entry.name}</strong>
              {entry.city !== '' && <span>, {entry.city}</span>}{' '}
              <time datetime={entry.at.iso}>{entry.at.text}</time>
            </li>
          ))}
        </ul>
      )}
      {(view.newerUrl !== null || view.olderUrl !== null) && (
        <nav class="pagination" aria-label="Pages">
          {view.newerUrl !== null && <a href={view.newerUrl}>Newer</a>}
          {view.olderUrl !== null && <a href={view.olderUrl}>Older</a>}
        </nav>
      )}
    </div>
  );
}
