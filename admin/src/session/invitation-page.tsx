import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { Invitation, SessionResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { navigate } from '../app/router.js';
import { useResource } from '../app/use-resource.js';
import { Notice, TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { NewPasswordFields, decidePasswordProblem } from './new-password-fields.js';

function AcceptForm({ offer, path }: { readonly offer: Invitation; readonly path: string }) {
  const { api, signedIn } = useApp();
  const [name, setName] = useState(offer.name ?? '');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = decidePasswordProblem(password, repeated);
    setProblem(found);
    if (found !== null) return;
    try {
      const session = await api.send<SessionResource>('POST', `${path}/accept`, { name, password });
      signedIn(session.user, session.csrfToken);
      navigate('/', { replace: true });
    } catch (caught) {
      setError(toMessage(caught));
    }
  };

  return (
    <form class="stack" onSubmit={(event) => void submit(event)}>
      <p>
        You are invited as <strong>{offer.role}</strong> with the address{' '}
        <strong>{offer.email}</strong>.
      </p>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <TextField
        label="Your name"
        hint="As readers will see it in bylines."
        required
        autoComplete="name"
        value={name}
        onValue={setName}
      />
      <NewPasswordFields
        password={password}
        repeated={repeated}
        onPassword={setPassword}
        onRepeated={setRepeated}
        error={problem}
      />
      <div class="actions">
        <button type="submit" class="button-primary">
          Accept and sign in
        </button>
      </div>
    </form>
  );
}

/** `/admin/invite/{token}`: a new staff member names themselves, picks a password, and is in. */
export function InvitationPage({ token }: { readonly token: string }) {
  const { api } = useApp();
  const path = `/invitations/${encodeURIComponent(token)}`;
  const [invitation] = useResource(() => api.get<Invitation>(path), path);
  return (
    <>
      <h1>Join the newsroom</h1>
      <Loaded resource={invitation} what="your invitation">
        {(offer) => <AcceptForm offer={offer} path={path} />}
      </Loaded>
    </>
  );
}
