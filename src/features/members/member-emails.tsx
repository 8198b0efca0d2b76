import {
  EmailButton,
  EmailLayout,
  renderEmailHtml,
  toEmailText,
  type EmailContent,
} from '../../platform/mail/render-email.js';

/** One e-mail for every address: it never says whether the address already had an account. */
export function toSignInEmail(data: { siteTitle: string; link: string }): EmailContent {
  const subject = `Sign in to ${data.siteTitle}`;
  const limit = 'The link works once, for 15 minutes.';
  const notYou = 'If you did not ask to sign in, ignore this e-mail: nothing happens without it.';
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={subject} preheader={limit}>
      <p>Here is your link to sign in to {data.siteTitle}:</p>
      <EmailButton href={data.link}>Sign in</EmailButton>
      <p>
        Or paste this address into your browser: <a href={data.link}>{data.link}</a>
      </p>
      <p class="fine-print">
        {limit} {notYou}
      </p>
    </EmailLayout>,
  );
  const text = toEmailText([
    `Here is your link to sign in to ${data.siteTitle}:`,
    data.link,
    `${limit} ${notYou}`,
  ]);
  return { subject, html, text };
}

export function toEmailChangeConfirmEmail(data: { siteTitle: string; link: string }): EmailContent {
  const subject = `Confirm your new e-mail address for ${data.siteTitle}`;
  const limit = 'The link works once, for 15 minutes.';
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={subject} preheader={limit}>
      <p>You asked to use this address for your {data.siteTitle} account. Confirm it:</p>
      <EmailButton href={data.link}>Confirm this address</EmailButton>
      <p>
        Or paste this address into your browser: <a href={data.link}>{data.link}</a>
      </p>
      <p class="fine-print">{limit} If it was not you, ignore this e-mail.</p>
    </EmailLayout>,
  );
  const text = toEmailText([
    `You asked to use this address for your ${data.siteTitle} account. Confirm it here:`,
    data.link,
    `${limit} If it was not you, ignore this e-mail.`,
  ]);
  return { subject, html, text };
}

export function toEmailChangeNoticeEmail(data: {
  siteTitle: string;
  newEmail: string;
}): EmailContent {
  const subject = `Your ${data.siteTitle} e-mail address is changing`;
  const line = `Someone signed in to your ${data.siteTitle} account asked to move it to ${data.newEmail}. It moves only once that address confirms.`;
  const notYou =
    'If it was not you, sign in and choose "Sign out everywhere" on your account page.';
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={subject} preheader={line}>
      <p>{line}</p>
      <p class="fine-print">{notYou}</p>
    </EmailLayout>,
  );
  return { subject, html, text: toEmailText([line, notYou]) };
}
