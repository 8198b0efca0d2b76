import {
  EmailLayout,
  renderEmailHtml,
  toEmailText,
  type EmailContent,
} from '../../platform/mail/render-email.js';

export interface EmailChangeNoticeData {
  readonly siteTitle: string;
  readonly name: string;
  readonly oldEmail: string;
  readonly newEmail: string;
}

/**
 * Sent to the address a staff account had before its e-mail changed: password resets now
 * go to the new one, so a person whose account was taken over learns it here.
 */
export function toEmailChangeNoticeEmail(data: EmailChangeNoticeData): EmailContent {
  const subject = `The e-mail of your ${data.siteTitle} staff account was changed`;
  const what = `The ${data.siteTitle} staff account that used ${data.oldEmail} now uses ${data.newEmail}. Password resets and notices go to the new address.`;
  const notYou =
    'If you did not make this change, tell an administrator of your newsroom at once: someone else may be signed in as you.';
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={subject} preheader={what}>
      <p>Hello {data.name},</p>
      <p>{what}</p>
      <p>{notYou}</p>
    </EmailLayout>,
  );
  const text = toEmailText([`Hello ${data.name},`, what, notYou]);
  return { subject, html, text };
}
