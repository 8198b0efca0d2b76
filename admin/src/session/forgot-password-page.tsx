import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import { useApp } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { Notice, TextField } from '../ui/fields.js';

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { api } = useApp();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    try {
      await api.send('POST', '/password-resets', { email });
      setSent(true);
    } catch (caught) {
      setError(toMessage(caught));
    }
  };

  return (
    <>
      <h1>Forgot password</h1>
      {sent ? (
        <Notice kind="success">
          If {email} belongs to a staff account, we have sent it a link to choose a new password.
          The link works for a limited time.
        </Notice>
      ) : (
        <form class="stack" onSubmit={(event) => void submit(event)}>
          <p>
            Enter the e-mail address you sign in with. We will send you a link to choose a new
            password.
          </p>
          {error !== null && <Notice kind="error">{error}</Notice>}
          <TextField
            label="E-mail"
            type="email"
            autoComplete="username"
            required
            value={email}
            onValue={setEmail}
          />
          <div class="actions">
            <button type="submit" class="button-primary">
              Send the link
            </button>
          </div>
        </form>
      )}
      <p>
        <a href={adminHref('/')}>Back to sign in</a>
      </p>
    </>
  );
}
