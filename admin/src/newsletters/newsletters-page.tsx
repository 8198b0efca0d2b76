import { useState } from 'preact/hooks';
import type {
  IssueResource,
  NewsletterResource,
} from '../../../src/features/newsletters/newsletter.schemas.js';
import { toMessage } from '../api/api-client.js';
import { useApp } from '../app/app-context.js';
import type { ScreenProps } from '../app/screens.js';
import { useResource } from '../app/use-resource.js';
import { Notice, TextArea, TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { GrowthChart } from './growth-chart.js';
import { IssuePanel } from './issue-panel.js';
import { NewsletterForm } from './newsletter-form.js';

interface Suppression {
  readonly email: string;
  readonly reason: string;
  readonly source: string;
  readonly created_at: string;
}

/** Newsletters: counts and growth, issues to write and send, imports, the suppression list. */
export function NewslettersPage({ query }: ScreenProps) {
  const { api } = useApp();
  const [list, reloadList] = useResource(
    () => api.get<{ newsletters: NewsletterResource[] }>('/newsletters'),
    'newsletters',
  );
  const chosenId = query.get('newsletter');
  return (
    <>
      <div class="page-header">
        <h1>Newsletters</h1>
      </div>
      <Loaded resource={list} what="newsletters">
        {({ newsletters }) => {
          const chosen = newsletters.find((n) => n.id === chosenId) ?? newsletters[0];
          return (
            <>
              <table class="data-table">
                <caption class="visually-hidden">
                  Newsletters and their confirmed subscribers
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Newsletter</th>
                    <th scope="col">Audience</th>
                    <th scope="col">Cadence</th>
                    <th scope="col">Status</th>
                    <th scope="col">Subscribers</th>
                  </tr>
                </thead>
                <tbody>
                  {newsletters.map((n) => (
                    <tr key={n.id}>
                      <th scope="row">
                        <a
                          href={`/admin/newsletters?newsletter=${n.id}`}
                          aria-current={n.id === chosen?.id ? 'true' : undefined}
                        >
                          {n.name}
                        </a>
                      </th>
                      <td>{n.audience}</td>
                      <td>{n.cadence}</td>
                      <td>{n.status}</td>
                      <td>{n.subscribers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {chosen !== undefined && (
                <NewsletterDetail newsletter={chosen} onChanged={reloadList} />
              )}
              {chosen !== undefined && (
                <NewsletterForm key={chosen.id} newsletter={chosen} onSaved={reloadList} />
              )}
              <NewsletterForm key="new" onSaved={reloadList} />
            </>
          );
        }}
      </Loaded>
      <Suppressions />
    </>
  );
}

function NewsletterDetail(props: {
  readonly newsletter: NewsletterResource;
  readonly onChanged: () => void;
}) {
  const { api } = useApp();
  const n = props.newsletter;
  const [growth] = useResource(
    () =>
      api.get<{ growth: { day: string; count: number }[] }>(`/newsletters/${n.id}/growth?days=30`),
    `growth ${n.id}`,
  );
  const [issues, reloadIssues] = useResource(
    () =>
      api.get<{ issues: IssueResource[] }>(`/newsletters/issues?newsletter_id=${n.id}&limit=20`),
    `issues ${n.id}`,
  );
  const [subject, setSubject] = useState('');
  const [markdown, setMarkdown] = useState('');
  const [postId, setPostId] = useState('');
  const [csv, setCsv] = useState('email,consent\n');
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const compose = async (event: Event) => {
    event.preventDefault();
    try {
      await api.send('POST', '/newsletters/issues', {
        newsletter_id: n.id,
        subject,
        ...(postId.trim() === '' ? { markdown } : { post_id: postId.trim() }),
      });
      setSubject('');
      setMarkdown('');
      setPostId('');
      setNotice({ kind: 'success', text: 'The issue is saved as a draft below.' });
      reloadIssues();
    } catch (error) {
      setNotice({ kind: 'error', text: toMessage(error) });
    }
  };
  const importCsv = async (dryRun: boolean) => {
    try {
      const result = await api.send<{
        added: number;
        already_subscribed: number;
        suppressed: number;
        problems: { line: number; message: string }[];
      }>('POST', `/newsletters/${n.id}/subscribers/import`, { csv, dry_run: dryRun });
      const problems = result.problems.map((p) => `line ${p.line}: ${p.message}`).join('; ');
      setNotice({
        kind: result.problems.length === 0 ? 'success' : 'error',
        text: `${dryRun ? 'Dry run: would add' : 'Added'} ${result.added}; ${result.already_subscribed} already subscribed; ${result.suppressed} suppressed.${problems === '' ? '' : ` Problems: ${problems}`}`,
      });
      if (!dryRun) props.onChanged();
    } catch (error) {
      setNotice({ kind: 'error', text: toMessage(error) });
    }
  };

  return (
    <section class="stack" aria-labelledby="newsletter-heading">
      <h2 id="newsletter-heading">{n.name}</h2>
      <p>
        {n.subscribers} confirmed subscribers ·{' '}
        <a href={`/api/admin/newsletters/${n.id}/subscribers.csv`} download>
          Export subscribers as CSV
        </a>
      </p>
      <Loaded resource={growth} what="growth">
        {(found) => <GrowthChart name={n.name} days={found.growth} />}
      </Loaded>
      {notice !== null && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <form class="panel stack" onSubmit={(e) => void compose(e)} aria-label="Write an issue">
        <h3>Write an issue</h3>
        <TextField label="Subject" value={subject} onValue={setSubject} />
        <TextField
          label="Send a published article (its id), or leave empty and write below"
          value={postId}
          onValue={setPostId}
        />
        <TextArea label="Body (Markdown)" value={markdown} onValue={setMarkdown} rows={8} />
        <div class="actions">
          <button type="submit" class="button-primary">
            Save draft issue
          </button>
        </div>
      </form>
      <Loaded resource={issues} what="issues">
        {(found) => (
          <>
            {found.issues.map((issue) => (
              <IssuePanel key={issue.id} issue={issue} onChanged={reloadIssues} />
            ))}
          </>
        )}
      </Loaded>
      <section class="panel stack" aria-label="Import subscribers">
        <h3>Import subscribers</h3>
        <TextArea
          label="CSV with the columns email and consent"
          hint="Consent says how each reader agreed, e.g. “double opt-in 2024-03-01”."
          value={csv}
          onValue={setCsv}
          rows={5}
        />
        <div class="actions">
          <button type="button" onClick={() => void importCsv(true)}>
            Check (dry run)
          </button>
          <button type="button" class="button-primary" onClick={() => void importCsv(false)}>
            Import
          </button>
        </div>
      </section>
    </section>
  );
}

function Suppressions() {
  const { api } = useApp();
  const [found] = useResource(
    () => api.get<{ suppressions: Suppression[] }>('/newsletters/suppressions'),
    'suppressions',
  );
  return (
    <section class="stack" aria-labelledby="suppressions-heading">
      <h2 id="suppressions-heading">Suppression list</h2>
      <p>
        Addresses that bounced, complained, or were added by staff. No newsletter is ever sent to
        them.
      </p>
      <Loaded resource={found} what="the suppression list">
        {({ suppressions }) =>
          suppressions.length === 0 ? (
            <p>Nobody is suppressed.</p>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">Address</th>
                  <th scope="col">Reason</th>
                  <th scope="col">From</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                {suppressions.map((s) => (
                  <tr key={s.email}>
                    <td>{s.email}</td>
                    <td>{s.reason}</td>
                    <td>{s.source}</td>
                    <td>{s.created_at.slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
