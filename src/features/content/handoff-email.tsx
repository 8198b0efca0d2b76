import {
  EmailButton,
  EmailLayout,
  renderEmailHtml,
  toEmailText,
  type EmailContent,
} from '../../platform/mail/render-email.js';
import type { HandoffKind } from './post-notes.js';

export interface HandoffEmailData {
  readonly siteTitle: string;
  readonly kind: HandoffKind;
  readonly title: string;
  /** Who suggested the correction, or published the piece. */
  readonly byName: string;
  readonly note: string | null;
  readonly editUrl: string;
  /** The article on the site, for a piece that went live. */
  readonly articleUrl: string;
}

/** Tells editors of a suggested correction, or writers that their piece is live. */
export function toHandoffEmail(data: HandoffEmailData): EmailContent {
  const title = data.title.trim() === '' ? 'Untitled post' : data.title;
  const correction = data.kind === 'correction';
  const subject = correction ? `Correction suggested: ${title}` : `Published: ${title}`;
  const lead = correction
    ? `${data.byName} suggested a correction to “${title}”.`
    : `${data.byName} published “${title}”. It is on the site now.`;
  const noteLead = correction ? 'The suggestion:' : 'Their note for you:';
  const action = correction ? 'Open it in the editor' : 'Read it on the site';
  const href = correction ? data.editUrl : data.articleUrl;
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={subject} preheader={lead}>
      <p>{lead}</p>
      {data.note !== null && data.note !== '' && (
        <>
          <p>{noteLead}</p>
          <p class="quote">{data.note}</p>
        </>
      )}
      <EmailButton href={href}>{action}</EmailButton>
    </EmailLayout>,
  );
  const text = toEmailText([
    lead,
    data.note !== null && data.note !== '' ? `${noteLead}\n${data.note}` : null,
    `${action}: ${href}`,
  ]);
  return { subject, html, text };
}
