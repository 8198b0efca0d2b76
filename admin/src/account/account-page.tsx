import { useState } from 'preact/hooks';
import { isApiError, toMessage } from '../api/api-client.js';
import type { StaffUser } from '../api/resources.js';
import { useApp, useUser } from '../app/app-context.js';
import { NewPasswordFields, decidePasswordProblem } from '../session/new-password-fields.js';
import { Notice, TextField } from '../ui/fields.js';

type Outcome = { readonly kind: 'success' | 'error'; readonly text: string } | null;

/** The server's word on the current password, shown beside that field. */
function currentPasswordProblem(error: unknown): string | null {
  if (!isApiError(error)) return null;
  const problem = error.fields.find((field) => field.field === 'currentPassword');
  return problem === undefined ? null : error.message;
}

function useAccountChange() {
  const { api } = useApp();
  const user = useUser();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [currentProblem, setCurrentProblem] = useState<string | null>(null);
  const save = async (changes: object, said: (saved: StaffUser) => string): Promise<boolean> => {
    setOutcome(null);
    setCurrentProblem(null);
    try {
      const saved = await api.send<StaffUser>(
        'PATCH',
        `/staff/${encodeURIComponent(user.id)}`,
        changes,
      );
      setOutcome({ kind: 'success', text: said(saved) });
      return true;
    } catch (caught) {
      setCurrentProblem(currentPasswordProblem(caught));
      setOutcome({ kind: 'error', text: toMessage(caught) });
      return false;
    }
  };
  return { user, outcome, currentProblem, save };
}

function EmailForm() {
  const { user, outcome, currentProblem, save } = useAccountChange();
  const [email, setEmail] = useState(user.email);
  const [current, setCurrent] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const saved = await save(
      { email, currentPassword: current },
      (changed) =>
        `Your e-mail is now ${changed.email}. A notice went to ${user.email}, the address you had.`,
    );
    if (saved) setCurrent('');
  };
  return (
    <form
      class="stack panel"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="email-title"
    >
      <h2 id="email-title">Your e-mail</h2>
      {outcome !== null && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <TextField
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        hint="Password resets go to this address."
        value={email}
        onValue={setEmail}
      />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onValue={setCurrent}
        error={currentProblem}
      />
      <div class="actions">
        <button type="submit" class="button-primary">
          Change the e-mail
        </button>
      </div>
    </form>
  );
}

function PasswordForm() {
  const { outcome, currentProblem, save } = useAccountChange();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const found = decidePasswordProblem(password, repeated);
    setProblem(found);
    if (found !== null) return;
    const saved = await save(
      { password, currentPassword: current },
      () => 'Your password is changed. You are signed out everywhere else.',
    );
    if (saved) {
      setCurrent('');
      setPassword('');
      setRepeated('');
    }
  };
  return (
    <form
      class="stack panel"
      onSubmit={(event) => void submit(event)}
      aria-labelledby="password-title"
    >
      <h2 id="password-title">Your password</h2>
      {outcome !== null && <Notice kind={outcome.kind}>{outcome.text}</Notice>}
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        value={current}
        onValue={setCurrent}
        error={currentProblem}
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
          Change the password
        </button>
      </div>
    </form>
  );
}

/** The signed-in person's own e-mail and password; both changes ask for the current password. */
export function AccountPage() {
  return (
    <>
      <h1>Your account</h1>
      <EmailForm />
      <PasswordForm />
    </>
  );
}
