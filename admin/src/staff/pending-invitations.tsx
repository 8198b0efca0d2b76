import { toMessage } from '../api/api-client.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';

interface PendingInvitation {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: string;
  readonly expires_at?: string;
}

/** Invitations not yet accepted; withdrawing one makes its link stop working. */
export function PendingInvitations(props: {
  readonly round: number;
  readonly onChanged: (message: string) => void;
  readonly onError: (message: string) => void;
}) {
  const { api } = useApp();
  const [list, reload] = useResource(
    () => api.get<{ invitations: PendingInvitation[] }>('/invitations'),
    `invitations-${props.round}`,
  );
  const withdraw = async (invitation: PendingInvitation) => {
    try {
      await api.send('DELETE', `/invitations/${encodeURIComponent(invitation.id)}`);
      props.onChanged(`Withdrew the invitation to ${invitation.email}.`);
      reload();
    } catch (caught) {
      props.onError(toMessage(caught));
    }
  };
  return (
    <section class="panel" aria-labelledby="pending-title">
      <h2 id="pending-title">Pending invitations</h2>
      <Loaded resource={list} what="invitations">
        {(found) =>
          found.invitations.length === 0 ? (
            <p class="empty">No invitations are waiting.</p>
          ) : (
            <ul class="card-list">
              {found.invitations.map((invitation) => (
                <li key={invitation.id} class="inline-form">
                  <span>
                    {invitation.name === ''
                      ? invitation.email
                      : `${invitation.name} (${invitation.email})`}{' '}
                    as {invitation.role}
                    {invitation.expires_at !== undefined &&
                      `, until ${formatDateTime(invitation.expires_at)}`}
                  </span>
                  <button
                    type="button"
                    class="button-small"
                    onClick={() => void withdraw(invitation)}
                  >
                    Withdraw the invitation to {invitation.email}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
