import type { Newsletter } from '../../features/newsletters/newsletter.js';

export interface SignupFormProps {
  /** The newsletters offered; with one, no choice is shown. */
  readonly newsletters: readonly Pick<Newsletter, 'id' | 'name' | 'description' | 'cadence'>[];
  /** Tells the ids of several forms on one page apart. */
  readonly idPrefix: string;
  /** The page the form is on, kept with the consent record. */
  readonly sourcePage: string;
  readonly heading: string;
  readonly email?: string;
  readonly chosen?: readonly string[];
  readonly error?: { readonly field: 'email' | 'newsletters'; readonly message: string } | null;
  /** A signed-in member's address: they subscribe with one click, no typing. */
  readonly member?: { readonly email: string; readonly csrf: string } | null;
  /** The island's script; without it the form is a plain POST. */
  readonly islandUrl?: string | null;
}

export const signupSuccessText =
  "Thank you! We've sent you a confirmation e-mail. Open it and press the button to confirm.";

/**
 * The sign-up form: an e-mail field with a real label, required, and the "* indicates
 * required" note; a choice of newsletters; a honeypot field people never see. Works as a
 * plain form POST; the island (when given) sends it in place and shows the answer inline.
 */
export function SignupForm(props: SignupFormProps) {
  const p = props.idPrefix;
  const error = props.error ?? null;
  const chosen = props.chosen ?? props.newsletters.map((n) => n.id);
  const member = props.member ?? null;
  const emailError = error?.field === 'email' ? error.message : null;
  const listError = error?.field === 'newsletters' ? error.message : null;
  const [only] = props.newsletters;
  if (only === undefined) return null;
  return (
    <section class="newsletter-signup" aria-labelledby={`${p}-heading`}>
      <h2 id={`${p}-heading`} class="newsletter-signup-heading">
        {props.heading}
      </h2>
      <form
        class="form newsletter-form"
        method="post"
        action="/newsletters/subscribe"
        data-newsletter-signup=""
        noValidate
      >
        <p class="form-status" role="status" aria-live="polite" data-signup-status=""></p>
        {member === null ? (
          <>
            <p class="required-note">
              <span aria-hidden="true">*</span> indicates required
            </p>
            <label for={`${p}-email`}>
              Enter your e-mail to subscribe <span aria-hidden="true">*</span>
            </label>
            <input
              id={`${p}-email`}
              type="email"
              name="email"
              required
              aria-required="true"
              autocomplete="email"
              maxLength={254}
              value={props.email ?? ''}
              aria-invalid={emailError === null ? undefined : 'true'}
              aria-describedby={emailError === null ? undefined : `${p}-email-error`}
            />
            {emailError !== null && (
              <p class="field-error" id={`${p}-email-error`} role="alert">
                {emailError}
              </p>
            )}
          </>
        ) : (
          <>
            <p>Subscribe as {member.email}: one click, no confirmation needed.</p>
            <input type="hidden" name="csrf" value={member.csrf} />
          </>
        )}
        {listError !== null && (
          <p class="field-error" role="alert">
            {listError}
          </p>
        )}
        {props.newsletters.length === 1 ? (
          <input type="hidden" name="newsletters" value={only.id} />
        ) : (
          <fieldset class="newsletter-choice">
            <legend>Newsletters</legend>
            {props.newsletters.map((newsletter) => (
              <div class="newsletter-option" key={newsletter.id}>
                <input
                  type="checkbox"
                  id={`${p}-n-${newsletter.id}`}
                  name="newsletters"
                  value={newsletter.id}
                  checked={chosen.includes(newsletter.id)}
                />
                <label for={`${p}-n-${newsletter.id}`}>
                  {newsletter.name}
                  {newsletter.cadence !== '' && (
                    <span class="newsletter-cadence"> · {newsletter.cadence}</span>
                  )}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        <input type="hidden" name="source" value={props.sourcePage} />
        <div class="signup-trap" aria-hidden="true">
          <label for={`${p}-website`}>Leave this field empty</label>
          <input id={`${p}-website`} type="text" name="website" tabIndex={-1} autocomplete="off" />
        </div>
        <button type="submit" class="button">
          Subscribe
        </button>
      </form>
      {props.islandUrl !== undefined && props.islandUrl !== null && (
        <script type="module" src={props.islandUrl}></script>
      )}
    </section>
  );
}
