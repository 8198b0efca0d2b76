import { TextField } from '../ui/fields.js';

// The server checks the same minimum (src/features/staff/password.ts).
export const minimumPasswordLength = 10;

/** The problem with a chosen password and its repetition, or null when both are fine. */
export function decidePasswordProblem(password: string, repeated: string): string | null {
  if (password.length < minimumPasswordLength) {
    return `Use at least ${minimumPasswordLength} characters.`;
  }
  if (password !== repeated) return 'The two passwords are not the same.';
  return null;
}

export function NewPasswordFields(props: {
  readonly password: string;
  readonly repeated: string;
  readonly onPassword: (value: string) => void;
  readonly onRepeated: (value: string) => void;
  readonly error: string | null;
}) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint={`At least ${minimumPasswordLength} characters. A few unrelated words work well.`}
        value={props.password}
        onValue={props.onPassword}
      />
      <TextField
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        value={props.repeated}
        onValue={props.onRepeated}
        error={props.error}
      />
    </>
  );
}
