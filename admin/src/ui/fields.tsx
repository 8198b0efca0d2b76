import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/**
 * Labelled form controls. Every control has a visible label; a hint and an error are tied
 * to it with `aria-describedby`, and an error sets `aria-invalid` so screen readers say so.
 */

interface FieldFrameProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | null | undefined;
  readonly children: ComponentChildren;
}

function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint !== undefined && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, hint: string | undefined, error: string | null | undefined) {
  const ids = [hint !== undefined ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length === 0 ? undefined : ids.join(' ');
}

interface InputProps {
  readonly type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'datetime-local' | 'color';
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'url' | 'email' | 'search';
  readonly required?: boolean;
  readonly autoFocus?: boolean;
  readonly maxLength?: number;
  readonly placeholder?: string;
  readonly class?: string;
}

export function TextField(
  props: InputProps & {
    readonly label: string;
    readonly value: string;
    readonly onValue: (value: string) => void;
    readonly hint?: string;
    readonly error?: string | null;
  },
) {
  const { label, value, onValue, hint, error, ...rest } = props;
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        // Preact types each input `type` separately, and tsc needs the cast to accept a
        // union of them; typescript-eslint reads the same prop type more loosely.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
        type={(rest.type ?? 'text') as 'text'}
        autoComplete={rest.autoComplete}
        inputMode={rest.inputMode}
        required={rest.required}
        autoFocus={rest.autoFocus}
        maxLength={rest.maxLength}
        placeholder={rest.placeholder}
        class={rest.class}
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: {
  readonly label: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly hint?: string;
  readonly error?: string | null;
  readonly rows?: number;
  readonly maxLength?: number;
  readonly required?: boolean;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        required={props.required}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onInput={(event) => props.onValue(event.currentTarget.value)}
      />
    </FieldFrame>
  );
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export function SelectField(props: {
  readonly label: string;
  readonly value: string;
  readonly choices: readonly Choice[];
  readonly onValue: (value: string) => void;
  readonly hint?: string;
  readonly error?: string | null;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={props.error}>
      <select
        id={id}
        value={props.value}
        aria-describedby={describedBy(id, props.hint, props.error)}
        onChange={(event) => props.onValue(event.currentTarget.value)}
      >
        {props.choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A message that screen readers announce: `alert` for problems, `status` for news. */
export function Notice(props: {
  readonly kind: 'error' | 'success' | 'info' | 'warning';
  readonly children: ComponentChildren;
}) {
  const role = props.kind === 'error' || props.kind === 'warning' ? 'alert' : 'status';
  return (
    <div class={`notice notice-${props.kind}`} role={role}>
      {props.children}
    </div>
  );
}
