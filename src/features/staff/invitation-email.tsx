import {
  EmailButton,
  EmailLayout,
  renderEmailHtml,
  toEmailText,
  type EmailContent,
} from '../../platform/mail/render-email.js';
import type { Role } from './role.js';

export interface InvitationEmailData {
  readonly siteTitle: string;
  readonly inviterName: string;
  readonly role: Role;
  /** `${siteUrl}/admin/invite/{token}` */
  readonly link: string;
}

function withArticle(role: Role): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}

/** The e-mail that invites someone to join the staff. */
export function toInvitationEmail(data: InvitationEmailData): EmailContent {
  const subject = `${data.inviterName} invited you to ${data.siteTitle}`;
  const intro = `${data.inviterName} invited you to join the ${data.siteTitle} newsroom as ${withArticle(data.role)}.`;
  const limit = 'The link works once, for seven days. If you were not expecting this, ignore it.';
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={subject} preheader={intro}>
      <p>Hello,</p>
      <p>{intro} Choose your name and password to create your account:</p>
      <EmailButton href={data.link}>Accept the invitation</EmailButton>
      <p>
        Or paste this address into your browser: <a href={data.link}>{data.link}</a>
      </p>
      <p class="fine-print">{limit}</p>
    </EmailLayout>,
  );
  const text = toEmailText([
    'Hello,',
    `${intro} Choose your name and password to create your account here:`,
    data.link,
    limit,
  ]);
  return { subject, html, text };
}
