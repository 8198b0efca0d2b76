import { useState } from 'preact/hooks';
import type { OutboxMessage } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';

/** E-mail kept in the local outbox (the embedded default, when no SMTP server is set). */
export function OutboxPage() {
  const { api } = useApp();
  const [outbox, reload] = useResource(
    () => api.get<{ messages: OutboxMessage[] }>('/outbox'),
    'outbox',
  );
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <div class="page-header">
        <h1>Outbox</h1>
        <button type="button" onClick={reload}>
          Check again
        </button>
      </div>
      <p class="lede">Without an SMTP server, Masthead keeps e-mail here instead of sending it.</p>
      <Loaded resource={outbox} what="the outbox">
        {(found) =>
          found.messages.length === 0 ? (
            <p class="empty">The outbox is empty.</p>
          ) : (
            <ul class="card-list">
              {found.messages.map((message) => (
                <li key={message.id} class="card">
                  <h2>{message.subject}</h2>
                  <p>
                    To {message.to} · {formatDateTime(message.created_at)}
                  </p>
                  <button
                    type="button"
                    class="button-small"
                    aria-expanded={open === message.id}
                    onClick={() => setOpen(open === message.id ? null : message.id)}
                  >
                    {open === message.id ? 'Hide the message' : 'Read the message'}
                  </button>
                  {open === message.id && <pre class="outbox-text">{message.text}</pre>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
