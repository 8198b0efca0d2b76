import { useState } from 'preact/hooks';
import type { MemberDetailResponse } from '../../../src/features/members/member.schemas.js';
import { hasAtLeast } from '../../../src/features/staff/role.js';
import { toMessage } from '../api/api-client.js';
import { useApp, useUser } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import type { ScreenProps } from '../app/screens.js';
import { useResource } from '../app/use-resource.js';
import { Notice, TextArea, TextField } from '../ui/fields.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';
import { statusLabel } from './member-status.js';
import { describeEvent } from './member-timeline.js';

/** One member: status, comp, labels, notes and the timeline of what happened to them. */
export function MemberDetailPage({ params }: ScreenProps) {
  const { api } = useApp();
  const user = useUser();
  const id = params.id ?? '';
  const path = `/members/${encodeURIComponent(id)}`;
  const [detail, reload] = useResource(() => api.get<MemberDetailResponse>(path), path);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [until, setUntil] = useState('');
  const [label, setLabel] = useState('');
  const [note, setNote] = useState('');
  const manages = hasAtLeast(user.role, 'administrator');

  const act = async (run: () => Promise<unknown>, said: string) => {
    try {
      await run();
      setMessage({ kind: 'success', text: said });
      reload();
    } catch (caught) {
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
  };

  return (
    <Loaded resource={detail} what="the member">
      {({ member, notes, timeline }) => (
        <>
          <div class="page-header">
            <h1>{member.name === '' ? member.email : member.name}</h1>
            <a href={adminHref('/members')}>All members</a>
          </div>
          {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
          <section class="panel" aria-labelledby="member-facts">
            <h2 id="member-facts">Membership</h2>
            <dl>
              <dt>E-mail</dt>
              <dd>{member.email}</dd>
              <dt>Status</dt>
              <dd>
                {statusLabel(member.status)}
                {member.status_until !== null && ` until ${formatDateTime(member.status_until)}`}
              </dd>
              <dt>Signed up</dt>
              <dd>{formatDateTime(member.created_at)}</dd>
              <dt>Last seen</dt>
              <dd>
                {member.last_seen_at === null ? 'Never' : formatDateTime(member.last_seen_at)}
              </dd>
            </dl>
            {manages && (
              <form
                class="stack"
                onSubmit={(event) => {
                  event.preventDefault();
                  void act(
                    () => api.send('PUT', `${path}/comp`, { until: until === '' ? null : until }),
                    'The complimentary membership is on.',
                  );
                }}
              >
                <TextField
                  label="Comp until (YYYY-MM-DD, empty for no end)"
                  value={until}
                  onValue={setUntil}
                />
                <div class="actions">
                  <button type="submit" class="button-primary">
                    Comp this member
                  </button>
                  {member.status === 'comped' && (
                    <button
                      type="button"
                      onClick={() =>
                        void act(() => api.send('DELETE', `${path}/comp`), 'The comp has ended.')
                      }
                    >
                      End the comp now
                    </button>
                  )}
                  {member.status === 'paid' && (
                    <button
                      type="button"
                      onClick={() => {
                        if (
                          !window.confirm('Refund the last payment and end the membership now?')
                        ) {
                          return;
                        }
                        void act(
                          () => api.send('POST', `/revenue${path}/refund`),
                          'Refunded. The membership ends once the payment provider confirms it.',
                        );
                      }}
                    >
                      Refund and end the membership
                    </button>
                  )}
                </div>
              </form>
            )}
          </section>
          <section class="panel" aria-labelledby="member-labels">
            <h2 id="member-labels">Labels</h2>
            <ul>
              {member.labels.map((name) => (
                <li key={name}>
                  {name}{' '}
                  {manages && (
                    <button
                      type="button"
                      class="button-small"
                      onClick={() =>
                        void act(
                          () => api.send('DELETE', `${path}/labels/${encodeURIComponent(name)}`),
                          `Removed “${name}”.`,
                        )
                      }
                    >
                      Remove {name}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            {manages && (
              <form
                class="inline-form"
                onSubmit={(event) => {
                  event.preventDefault();
                  void act(
                    () => api.send('POST', `${path}/labels`, { label }),
                    `Added “${label}”.`,
                  );
                  setLabel('');
                }}
              >
                <TextField label="New label" value={label} onValue={setLabel} maxLength={60} />
                <button type="submit">Add label</button>
              </form>
            )}
          </section>
          <section class="panel" aria-labelledby="member-notes">
            <h2 id="member-notes">Notes</h2>
            {notes.map((n) => (
              <blockquote key={n.id}>
                <p>{n.body}</p>
                <footer>
                  {n.author_name}, {formatDateTime(n.at)}
                </footer>
              </blockquote>
            ))}
            {manages && (
              <form
                class="stack"
                onSubmit={(event) => {
                  event.preventDefault();
                  void act(() => api.send('POST', `${path}/notes`, { body: note }), 'Note added.');
                  setNote('');
                }}
              >
                <TextArea label="New note" value={note} onValue={setNote} maxLength={5000} />
                <div class="actions">
                  <button type="submit">Add note</button>
                </div>
              </form>
            )}
          </section>
          <section class="panel" aria-labelledby="member-timeline">
            <h2 id="member-timeline">Timeline</h2>
            <ol>
              {timeline.map((event) => (
                <li key={event.id}>
                  <time dateTime={event.at}>{formatDateTime(event.at)}</time>:{' '}
                  {describeEvent(event)}
                  {event.actor_name !== null && ` (by ${event.actor_name})`}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Loaded>
  );
}
