import { useEffect, useState } from 'preact/hooks';
import type { IssueResource } from '../../../src/features/newsletters/newsletter.schemas.js';
import { toMessage } from '../api/api-client.js';
import { useApp, useUser } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';

interface Progress {
  readonly recipients: number;
  readonly queued: number;
  readonly submitted: number;
  readonly failed: number;
  readonly bounced: number;
}

/** One issue: preview at desktop and phone widths, test send, send or schedule, live progress. */
export function IssuePanel(props: {
  readonly issue: IssueResource;
  readonly onChanged: () => void;
}) {
  const { api } = useApp();
  const user = useUser();
  const id = props.issue.id;
  const [preview] = useResource(
    () =>
      api.get<{ preview: { html: string; subject: string } }>(`/newsletters/issues/${id}/preview`),
    `preview ${id} ${props.issue.updated_at}`,
  );
  const [progress, setProgress] = useState<{ issue: IssueResource; progress: Progress } | null>(
    null,
  );
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [at, setAt] = useState('');
  const status = progress?.issue.status ?? props.issue.status;

  useEffect(() => {
    // An object, so the closure reads the value the clean-up sets.
    const cancelled = { current: false };
    const isCancelled = () => cancelled.current;
    const poll = async () => {
      while (!isCancelled()) {
        const found = await api
          .get<{ issue: IssueResource; progress: Progress }>(`/newsletters/issues/${id}`)
          .catch(() => null);
        if (isCancelled()) return;
        if (found !== null) setProgress(found);
        if (found === null || found.issue.status === 'sent' || found.issue.status === 'draft')
          return;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    };
    void poll();
    return () => {
      cancelled.current = true;
    };
  }, [id, props.issue.status]);

  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      setNotice({ kind: 'success', text: done });
      props.onChanged();
    } catch (error) {
      setNotice({ kind: 'error', text: toMessage(error) });
    }
  };
  const p = progress?.progress;
  const handled = p === undefined ? 0 : p.submitted + p.failed + p.bounced;
  return (
    <section class="panel stack" aria-label={`Issue: ${props.issue.subject}`}>
      <h2>{props.issue.subject}</h2>
      <p>Status: {status}</p>
      {notice !== null && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {p !== undefined && p.recipients > 0 && (
        <div>
          <label for={`progress-${id}`}>
            Sent {handled} of {p.recipients} ({p.submitted} submitted, {p.failed} failed,{' '}
            {p.bounced} bounced)
          </label>
          <progress id={`progress-${id}`} max={p.recipients} value={handled}>
            {handled}
          </progress>
        </div>
      )}
      {status === 'draft' || status === 'scheduled' ? (
        <div class="actions">
          <button
            type="button"
            onClick={() =>
              void act(
                () => api.send('POST', `/newsletters/issues/${id}/test`, { to: user.email }),
                `A test is on its way to ${user.email}.`,
              )
            }
          >
            Send a test to me
          </button>
          <button
            type="button"
            class="button-primary"
            onClick={() =>
              void act(
                () => api.send('POST', `/newsletters/issues/${id}/send`, {}),
                'Sending has started.',
              )
            }
          >
            Send now
          </button>
          <label>
            Or send at (your time){' '}
            <input type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} />
          </label>
          <button
            type="button"
            disabled={at === ''}
            onClick={() =>
              void act(
                () =>
                  api.send('POST', `/newsletters/issues/${id}/send`, {
                    at: new Date(at).toISOString(),
                  }),
                'The issue is scheduled.',
              )
            }
          >
            Schedule
          </button>
        </div>
      ) : null}
      <Loaded resource={preview} what="the preview">
        {(found) => (
          <div class="issue-previews">
            <figure>
              <figcaption>Desktop (640 px)</figcaption>
              <iframe
                title={`Preview of ${found.preview.subject} at desktop width`}
                sandbox=""
                srcdoc={found.preview.html}
                width="640"
                height="600"
              />
            </figure>
            <figure>
              <figcaption>Phone (375 px)</figcaption>
              <iframe
                title={`Preview of ${found.preview.subject} at phone width`}
                sandbox=""
                srcdoc={found.preview.html}
                width="375"
                height="600"
              />
            </figure>
          </div>
        )}
      </Loaded>
    </section>
  );
}
