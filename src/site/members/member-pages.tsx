import type { ComponentChildren } from 'preact';

/** The small pages of signing in and the account: one heading, a message, maybe a form. */

export function MemberPage(props: { title: string; children: ComponentChildren }) {
  return (
    <div class="member-page">
      <h1 class="page-heading">{props.title}</h1>
      {props.children}
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'error' | 'ok'; children: ComponentChildren }) {
  return (
    <p
      class={kind === 'error' ? 'form-error' : 'form-notice'}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      {children}
    </p>
  );
}

export function SignInForm(props: { email: string; next: string | null; error: string | null }) {
  return (
    <form class="form" method="post" action="/signin">
      {props.error !== null && <Notice kind="error">{props.error}</Notice>}
      <label for="signin-email">E-mail address</label>
      <input
        id="signin-email"
        type="email"
        name="email"
        required
        autocomplete="email"
        value={props.email}
        maxLength={254}
      />
      {props.next !== null && <input type="hidden" name="next" value={props.next} />}
      <button type="submit" class="button">
        Send me a sign-in link
      </button>
    </form>
  );
}

/** A page a mail scanner may open freely: only its button, a POST, uses the link. */
export function LinkButtonForm(props: { action: string; token: string; label: string }) {
  return (
    <form class="form" method="post" action={props.action}>
      <input type="hidden" name="token" value={props.token} />
      <button type="submit" class="button">
        {props.label}
      </button>
    </form>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}
