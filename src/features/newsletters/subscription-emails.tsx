import {
  EmailButton,
  EmailLayout,
  renderEmailHtml,
  toEmailText,
  type EmailContent,
} from '../../platform/mail/render-email.js';

/** The confirmation e-mail of a sign-up: one button that opens the confirming page. */
export function confirmationEmail(input: {
  readonly siteTitle: string;
  readonly newsletterNames: readonly string[];
  readonly confirmUrl: string;
  readonly changeOfAddress: boolean;
}): EmailContent {
  const names = input.newsletterNames.join(', ');
  const subject = input.changeOfAddress
    ? `Confirm your new address for ${input.siteTitle}`
    : `Confirm your subscription to ${names}`;
  const lead = input.changeOfAddress
    ? `Someone asked to send ${input.siteTitle}'s newsletters to this address from now on.`
    : `Someone, hopefully you, asked to receive ${names} from ${input.siteTitle} at this address.`;
  const html = renderEmailHtml(
    <EmailLayout siteTitle={input.siteTitle} subject={subject} preheader="One click to confirm.">
      <p>{lead}</p>
      <p>Press the button to confirm. The link works for 7 days.</p>
      <EmailButton href={input.confirmUrl}>Confirm</EmailButton>
      <p class="fine-print">
        If this was not you, ignore this e-mail: nothing will be sent unless you confirm.
      </p>
    </EmailLayout>,
  );
  const text = toEmailText([
    lead,
    'Open this link to confirm. It works for 7 days:',
    input.confirmUrl,
    'If this was not you, ignore this e-mail: nothing will be sent unless you confirm.',
  ]);
  return { subject, html, text };
}

/** The short welcome after confirming, with the links every newsletter e-mail has. */
export function welcomeEmail(input: {
  readonly siteTitle: string;
  readonly newsletters: readonly { readonly name: string; readonly cadence: string }[];
  readonly preferencesUrl: string;
  readonly unsubscribeUrl: string;
}): EmailContent {
  const subject = `Welcome to ${input.newsletters.map((n) => n.name).join(', ')}`;
  const lines = input.newsletters.map((n) =>
    n.cadence === '' ? n.name : `${n.name}: ${n.cadence}`,
  );
  const html = renderEmailHtml(
    <EmailLayout siteTitle={input.siteTitle} subject={subject} preheader="You are subscribed.">
      <p>Thank you: you are subscribed to</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="fine-print">
        <a href={input.preferencesUrl}>Manage your newsletters</a> ·{' '}
        <a href={input.unsubscribeUrl}>Unsubscribe</a>
      </p>
    </EmailLayout>,
  );
  const text = toEmailText([
    'Thank you: you are subscribed to',
    lines.map((line) => `- ${line}`).join('\n'),
    `Manage your newsletters: ${input.preferencesUrl}`,
    `Unsubscribe: ${input.unsubscribeUrl}`,
  ]);
  return { subject, html, text };
}
