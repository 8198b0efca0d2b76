import { useState } from 'preact/hooks';
import type { Role } from '../../../src/features/staff/role.js';
import { toMessage } from '../api/api-client.js';
import type { StaffUser } from '../api/resources.js';
import { useApp, useUser } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice, SelectField, TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { PendingInvitations } from './pending-invitations.js';
import { roleChoicesFor } from './role-choices.js';

function InviteForm({ onInvited }: { readonly onInvited: (email: string) => void }) {
  const { api } = useApp();
  const user = useUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await api.send('POST', '/invitations', {
        email,
        role,
        ...(name.trim() === '' ? {} : { name: name.trim() }),
      });
      onInvited(email);
      setEmail('');
      setName('');
    } catch (caught) {
      setError(toMessage(caught));
    }
  };
  return (
    <form
      class="stack panel"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="invite-title"
    >
      <h2 id="invite-title">Invite someone</h2>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <TextField label="E-mail" type="email" required value={email} onValue={setEmail} />
      <TextField label="Name (optional)" value={name} onValue={setName} />
      <SelectField
        label="Role"
        value={role}
        choices={roleChoicesFor(user.role)}
        onValue={(v) => setRole(v as Role)}
      />
      <div class="actions">
        <button type="submit" class="button-primary">
          Send the invitation
        </button>
      </div>
    </form>
  );
}

function StaffRow(props: {
  readonly member: StaffUser;
  readonly onChanged: (message: string) => void;
  readonly onError: (message: string) => void;
}) {
  const { api } = useApp();
  const user = useUser();
  const { member } = props;
  const [role, setRole] = useState<Role>(member.role);
  const path = `/staff/${encodeURIComponent(member.id)}`;
  const change = async (
    changes: { role?: Role; status?: 'active' | 'suspended' },
    said: string,
  ) => {
    try {
      await api.send('PATCH', path, changes);
      props.onChanged(said);
    } catch (caught) {
      props.onError(toMessage(caught));
    }
  };
  const self = member.id === user.id;
  return (
    <tr>
      <th scope="row">{member.name}</th>
      <td>{member.email}</td>
      <td>
        <div class="inline-form">
          <label class="visually-hidden" for={`role-${member.id}`}>
            Role of {member.name}
          </label>
          <select
            id={`role-${member.id}`}
            value={role}
            disabled={self}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          >
            {roleChoicesFor(user.role).map((c) => (
              <option key={c.value} value={c.value}>
                {c.value}
              </option>
            ))}
            {!roleChoicesFor(user.role).some((c) => c.value === member.role) && (
              <option value={member.role}>{member.role}</option>
            )}
          </select>
          {role !== member.role && (
            <button
              type="button"
              class="button-small"
              onClick={() => void change({ role }, `${member.name} is now ${role}.`)}
            >
              Change role of {member.name}
            </button>
          )}
        </div>
      </td>
      <td>{member.status === 'active' ? 'Active' : 'Suspended'}</td>
      <td>
        {!self && (
          <button
            type="button"
            class="button-small"
            onClick={() =>
              void change(
                { status: member.status === 'active' ? 'suspended' : 'active' },
                member.status === 'active'
                  ? `${member.name} is suspended and signed out.`
                  : `${member.name} can sign in again.`,
              )
            }
          >
            {member.status === 'active' ? `Suspend ${member.name}` : `Reactivate ${member.name}`}
          </button>
        )}
      </td>
    </tr>
  );
}

/** Staff and their roles: invite, change a role, suspend and reactivate. */
export function StaffPage() {
  const { api } = useApp();
  const [staff, reload] = useResource(() => api.get<{ staff: StaffUser[] }>('/staff'), 'staff');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [round, setRound] = useState(0);
  const changed = (text: string) => {
    setMessage({ kind: 'success', text });
    setRound((n) => n + 1);
    reload();
  };
  const failed = (text: string) => setMessage({ kind: 'error', text });
  return (
    <>
      <h1>Staff</h1>
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      <InviteForm
        onInvited={(email) =>
          changed(`Invitation sent to ${email}. It is in the outbox until delivered.`)
        }
      />
      <PendingInvitations round={round} onChanged={changed} onError={failed} />
      <Loaded resource={staff} what="staff">
        {(found) => (
          <table class="table">
            <caption>Everyone who can sign in to the CMS</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {found.staff.map((member) => (
                <StaffRow
                  key={`${member.id}-${member.role}-${member.status}`}
                  member={member}
                  onChanged={changed}
                  onError={failed}
                />
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
