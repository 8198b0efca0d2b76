import {
  EmailButton,
  EmailLayout,
  renderEmailHtml,
  toEmailText,
  type EmailContent,
} from '../../platform/mail/render-email.js';

/**
 * The e-mails of reader revenue. Each is a template: data in, `{ subject, html, text }`
 * out, with a plain-text part written here rather than derived.
 */
interface Common {
  readonly siteTitle: string;
}

function simple(
  data: Common & {
    subject: string;
    lines: readonly string[];
    button?: { href: string; label: string };
    fine?: string;
  },
): EmailContent {
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={data.subject} preheader={data.lines[0] ?? ''}>
      {data.lines.map((line) => (
        <p>{line}</p>
      ))}
      {data.button !== undefined && (
        <EmailButton href={data.button.href}>{data.button.label}</EmailButton>
      )}
      {data.button !== undefined && (
        <p>
          Or paste this address into your browser: <a href={data.button.href}>{data.button.href}</a>
        </p>
      )}
      {data.fine !== undefined && <p class="fine-print">{data.fine}</p>}
    </EmailLayout>,
  );
  const text = toEmailText([
    ...data.lines,
    ...(data.button === undefined ? [] : [`${data.button.label}: ${data.button.href}`]),
    ...(data.fine === undefined ? [] : [data.fine]),
  ]);
  return { subject: data.subject, html, text };
}

export function toWelcomeEmail(
  data: Common & { name: string; plan: string; accountUrl: string },
): EmailContent {
  return simple({
    ...data,
    subject: `Welcome to ${data.siteTitle} membership`,
    lines: [
      `Thank you${data.name === '' ? '' : `, ${data.name}`}: you are now a paying member of ${data.siteTitle} (${data.plan}).`,
      'Your support keeps our journalism free of owners and open to everyone. Every article is yours to read in full.',
    ],
    button: { href: data.accountUrl, label: 'Your account' },
    fine: 'You can change your card or plan, or cancel, from your account page at any time.',
  });
}

export function toReceiptEmail(
  data: Common & {
    what: string;
    amount: string;
    date: string;
    reference: string;
    extra: readonly string[];
    link?: { href: string; label: string };
  },
): EmailContent {
  return simple({
    ...data,
    subject: `Your receipt from ${data.siteTitle}`,
    lines: [
      `Thank you. We received ${data.amount} for: ${data.what}.`,
      `Date: ${data.date}. Reference: ${data.reference}.`,
      ...data.extra,
    ],
    ...(data.link === undefined ? {} : { button: data.link }),
    fine: 'Keep this e-mail as your receipt.',
  });
}

export function toPaymentFailedEmail(
  data: Common & { graceEnds: string; accountUrl: string },
): EmailContent {
  return simple({
    ...data,
    subject: `We could not take your ${data.siteTitle} membership payment`,
    lines: [
      'Your last membership payment did not go through. Your card may have expired or been declined.',
      `You keep reading as a member until ${data.graceEnds} while we try again. Update your card to keep your membership.`,
    ],
    button: { href: data.accountUrl, label: 'Update your card' },
  });
}

export function toCancellationEmail(
  data: Common & { ends: string; membershipUrl: string },
): EmailContent {
  return simple({
    ...data,
    subject: `Your ${data.siteTitle} membership is cancelled`,
    lines: [
      `We have cancelled your membership as you asked. You read as a paying member until ${data.ends}; nothing more will be charged.`,
      'Thank you for your support. You are welcome back any time.',
    ],
    button: { href: data.membershipUrl, label: 'Become a member again' },
  });
}

export function toGiftDeliveredEmail(
  data: Common & {
    recipientName: string;
    buyerName: string;
    months: number;
    message: string;
    redeemUrl: string;
    code: string;
    expires: string;
  },
): EmailContent {
  const from = data.buyerName === '' ? 'Someone' : data.buyerName;
  const months = `${data.months} month${data.months === 1 ? '' : 's'}`;
  return simple({
    ...data,
    subject: `${from} gave you a ${data.siteTitle} membership`,
    lines: [
      `Hello ${data.recipientName}, ${from} gave you ${months} of ${data.siteTitle} membership.`,
      ...(data.message === '' ? [] : [`Their message: “${data.message}”`]),
      `Your gift code is ${data.code}. It works once, until ${data.expires}.`,
    ],
    button: { href: data.redeemUrl, label: 'Redeem your gift' },
    fine: 'The membership ends by itself: nothing is charged to you.',
  });
}

export function toGiftEndingSoonEmail(
  data: Common & { ends: string; membershipUrl: string },
): EmailContent {
  return simple({
    ...data,
    subject: `Your ${data.siteTitle} gift membership ends on ${data.ends}`,
    lines: [
      `Your gift membership ends on ${data.ends}. We hope you enjoyed it.`,
      'Continue as a paying member now and you lose none of the days left: your first payment is taken only when the gift ends.',
    ],
    button: { href: data.membershipUrl, label: 'Continue as a member' },
  });
}
