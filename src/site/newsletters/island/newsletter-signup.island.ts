/**
 * Sends a newsletter sign-up form in place: the page stays, the answer (or what to correct)
 * appears inside the form, and what was typed stays typed. Without this script the same
 * form posts and the server answers with a page. No imports: tsc's output is the script.
 */
export {};

interface Answer {
  readonly message?: string;
  readonly error?: {
    readonly message?: string;
    readonly fields?: readonly { readonly field?: string; readonly message?: string }[];
  };
}

function enhance(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('[data-signup-status]');
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const email = form.querySelector<HTMLInputElement>('input[name="email"]');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (status === null) return;
    const body = new URLSearchParams();
    new FormData(form).forEach((value, key) => {
      if (typeof value === 'string') body.append(key, value);
    });
    if (button !== null) button.disabled = true;
    status.className = 'form-status';
    status.textContent = 'Sending…';
    fetch(form.action, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      body,
      credentials: 'same-origin',
    })
      .then(async (response) => {
        const answer = (await response.json().catch(() => ({}))) as Answer;
        if (response.ok) {
          status.className = 'form-status form-notice';
          status.textContent = answer.message ?? 'Thank you!';
          email?.removeAttribute('aria-invalid');
          return;
        }
        const field = answer.error?.fields?.[0];
        status.className = 'form-status form-error';
        status.textContent = field?.message ?? answer.error?.message ?? 'Something went wrong.';
        if (field?.field === 'email' && email !== null) {
          email.setAttribute('aria-invalid', 'true');
          email.focus();
        }
      })
      .catch(() => {
        status.className = 'form-status form-error';
        status.textContent = 'The sign-up could not be sent. Check your connection and try again.';
      })
      .finally(() => {
        if (button !== null) button.disabled = false;
      });
  });
}

document.querySelectorAll<HTMLFormElement>('form[data-newsletter-signup]').forEach(enhance);
