import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import { useApp } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { Notice } from '../ui/fields.js';
import { NewPasswordFields, decidePasswordProblem } from './new-password-fields.js';

/** `/admin/reset/{token}`: the page a reset e-mail links to. */
export function ResetPasswordPage({ token }: { readonly token: string }) {
  const { api } = useApp();
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = decidePasswordProblem(password, repeated);
    setProblem(found);
    if (found !== null) return;
    try {
      await api.send('POST', `/password-resets/${encodeURIComponent(token)}`, { password });
      setDone(true);
    } catch (caught) {
      setError(toMessage(caught));
    }
  };

  return (
    <>
      <h1>Choose a new password</h1>
      {done ? (
        <Notice kind="success">
          Your password has been changed. <a href={adminHref('/')}>Sign in with it</a>.
        </Notice>
      ) : (
        <form class="stack" onSubmit={(event) => void submit(event)}>
          {error !== null && (
            <Notice kind="error">
              {error} You can <a href={adminHref('/forgot-password')}>ask for a new link</a>.
            </Notice>
          )}
          <NewPasswordFields
            password={password}
            repeated={repeated}
            onPassword={setPassword}
            onRepeated={setRepeated}
            error={problem}
          />
          <div class="actions">
            <button type="submit" class="button-primary">
              Save the new password
            </button>
          </div>
        </form>
      )}
    </>
  );
}
