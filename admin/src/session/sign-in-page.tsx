import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { SessionResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { Notice, TextField } from '../ui/fields.js';

/** Signs a staff member in; the page they asked for then opens, since the address stays. */
export function SignInPage() {
  const { api, signedIn } = useApp();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.send<SessionResource>('POST', '/session', { email, password });
      signedIn(session.user, session.csrfToken);
    } catch (caught) {
      setError(toMessage(caught));
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Sign in</h1>
      <form class="stack" onSubmit={(event) => void submit(event)}>
        {error !== null && <Notice kind="error">{error}</Notice>}
        <TextField
          label="E-mail"
          type="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <div class="actions">
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <a href={adminHref('/forgot-password')}>Forgot password?</a>
        </div>
      </form>
    </>
  );
}
