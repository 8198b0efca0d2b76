import type { PostStatus } from '../../features/content/post.js';
import type { DisplayTime } from '../format-date.js';

export interface PreviewBannerProps {
  readonly status: PostStatus;
  /** When a scheduled post goes live. */
  readonly scheduledFor: DisplayTime | null;
  readonly editUrl: string;
  /** The page shows pending changes readers do not see yet. */
  readonly pending: boolean;
}

/**
 * Tells staff that this page is a preview, in a named region so screen readers can find
 * it; it sits above the article, inside the page's main landmark.
 */
export function PreviewBanner({ status, scheduledFor, editUrl, pending }: PreviewBannerProps) {
  const live = status === 'published';
  return (
    <section class="preview-banner" aria-label="Preview">
      <p>
        <strong>
          {pending
            ? 'Preview — pending changes'
            : live
              ? 'Preview — published'
              : 'Preview — not published'}
        </strong>{' '}
        {pending &&
          live &&
          'Readers do not see these changes until an editor updates the live article.'}
        {!pending && live && 'Readers see this version now.'}
        {status === 'draft' && 'This draft is visible only to staff.'}
        {status === 'scheduled' && scheduledFor !== null && (
          <>
            Scheduled to go live <time datetime={scheduledFor.iso}>{scheduledFor.text}</time>.
          </>
        )}{' '}
        <a href={editUrl}>Back to the editor</a>
      </p>
    </section>
  );
}
