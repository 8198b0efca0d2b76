import { useState } from 'preact/hooks';
import type { Role } from '../../../src/features/staff/role.js';
import { toMessage } from '../api/api-client.js';
import type { ApiToken, StaffUser } from '../api/resources.js';
import { useApp, useUser } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice, SelectField, TextField } from '../ui/fields.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';
import { roleChoicesFor } from './role-choices.js';

/** API tokens: a new token is shown once, here, and never again; revoking is immediate. */
export function ApiTokensPage() {
  const { api } = useApp();
  const user = useUser();
  // One load for both, so the screen shows a single loading state.
  const [tokens, reload] = useResource(async () => {
    const [list, people] = await Promise.all([
      api.get<{ tokens: ApiToken[] }>('/tokens'),
      api.get<{ staff: StaffUser[] }>('/staff'),
    ]);
    return { tokens: list.tokens, names: new Map(people.staff.map((s) => [s.id, s.name])) };
  }, 'tokens');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('contributor');
  const [actsFor, setActsFor] = useState<'me' | 'newsroom'>('me');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await api.send<{ token: string; record: ApiToken }>('POST', '/tokens', {
        name,
        role,
        ...(actsFor === 'newsroom' ? { userId: null } : {}),
      });
      setCreated({ name: result.record.name, token: result.token });
      setName('');
      reload();
    } catch (caught) {
      setError(toMessage(caught));
    }
  };
  const revoke = async (token: ApiToken) => {
    if (!window.confirm(`Revoke “${token.name}”? Anything using it stops working at once.`)) return;
    try {
      await api.send('DELETE', `/tokens/${encodeURIComponent(token.id)}`);
      reload();
    } catch (caught) {
      setError(toMessage(caught));
    }
  };

  return (
    <>
      <h1>API tokens</h1>
      <p class="lede">For scripts and integrations. Send a token as “Authorization: Bearer …”.</p>
      {created !== null && (
        <Notice kind="success">
          <p>The token “{created.name}” is below. Copy it now: it will not be shown again.</p>
          <label for="new-token">New token</label>
          <input
            id="new-token"
            class="token-value"
            readOnly
            value={created.token}
            onFocus={(e) => e.currentTarget.select()}
          />
        </Notice>
      )}
      {error !== null && <Notice kind="error">{error}</Notice>}
      <form
        class="stack panel"
        onSubmit={(event) => void create(event)}
        aria-labelledby="new-token-title"
      >
        <h2 id="new-token-title">Create a token</h2>
        <TextField
          label="Name"
          hint="What will use it, e.g. “Wire importer”."
          required
          value={name}
          onValue={setName}
        />
        <SelectField
          label="Role"
          value={role}
          choices={roleChoicesFor(user.role)}
          onValue={(v) => setRole(v as Role)}
        />
        <SelectField
          label="Acts for"
          hint="Your token stops working if your account is suspended, and never does more than your role allows. A newsroom token is for integrations that should outlive staff changes."
          value={actsFor}
          choices={[
            { value: 'me', label: `You (${user.name})` },
            { value: 'newsroom', label: 'The newsroom' },
          ]}
          onValue={(v) => setActsFor(v === 'newsroom' ? 'newsroom' : 'me')}
        />
        <div class="actions">
          <button type="submit" class="button-primary">
            Create the token
          </button>
        </div>
      </form>
      <Loaded resource={tokens} what="tokens">
        {(found) => (
          <table class="table">
            <caption>Tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Acts for</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {found.tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{token.role}</td>
                  <td>
                    {token.userId === null
                      ? 'The newsroom'
                      : (found.names.get(token.userId) ?? 'A former staff member')}
                  </td>
                  <td>{formatDateTime(token.createdAt)}</td>
                  <td>{formatDateTime(token.lastUsedAt)}</td>
                  <td>
                    {token.revokedAt !== null ? (
                      `Revoked ${formatDateTime(token.revokedAt)}`
                    ) : (
                      <button type="button" class="button-small" onClick={() => void revoke(token)}>
                        Revoke {token.name}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
    </>
  );
}
