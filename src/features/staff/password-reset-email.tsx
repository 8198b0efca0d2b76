import {
  EmailButton,
  EmailLayout,
  renderEmailHtml,
  toEmailText,
  type EmailContent,
} from '../../platform/mail/render-email.js';

export interface PasswordResetEmailData {
  readonly siteTitle: string;
  readonly name: string;
  readonly email: string;
  /** `${siteUrl}/admin/reset/{token}` */
  readonly link: string;
}

/** The e-mail with a password reset link; it says what to do if nobody asked for it. */
export function toPasswordResetEmail(data: PasswordResetEmailData): EmailContent {
  const subject = `Reset your ${data.siteTitle} password`;
  const intro = `Someone asked to reset the password of the ${data.siteTitle} staff account for ${data.email}.`;
  const limit = 'The link works once, for one hour.';
  const notYou =
    'If it was not you, ignore this e-mail: your password stays as it is, and nobody can use this link without your inbox.';
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={subject} preheader={limit}>
      <p>Hello {data.name},</p>
      <p>{intro} If it was you, choose a new password:</p>
      <EmailButton href={data.link}>Choose a new password</EmailButton>
      <p>
        Or paste this address into your browser: <a href={data.link}>{data.link}</a>
      </p>
      <p class="fine-print">
        {limit} {notYou}
      </p>
    </EmailLayout>,
  );
  const text = toEmailText([
    `Hello ${data.name},`,
    `${intro} If it was you, choose a new password here:`,
    data.link,
    `${limit} ${notYou}`,
  ]);
  return { subject, html, text };
}
