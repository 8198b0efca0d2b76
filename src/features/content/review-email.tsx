import {
  EmailButton,
  EmailLayout,
  renderEmailHtml,
  toEmailText,
  type EmailContent,
} from '../../platform/mail/render-email.js';

export interface ReviewEmailData {
  readonly siteTitle: string;
  /** `submitted` goes to editors; `returned` to the post's authors. */
  readonly state: 'submitted' | 'returned';
  readonly title: string;
  /** Who submitted or returned it. */
  readonly byName: string;
  readonly note: string | null;
  readonly editUrl: string;
  readonly previewUrl: string;
}

/** The e-mail that tells editors a draft waits for review, or authors that it came back. */
export function toReviewEmail(data: ReviewEmailData): EmailContent {
  const title = data.title.trim() === '' ? 'Untitled post' : data.title;
  const submitted = data.state === 'submitted';
  const subject = submitted ? `Ready for review: ${title}` : `Sent back to you: ${title}`;
  const lead = submitted
    ? `${data.byName} submitted “${title}” for review.`
    : `${data.byName} sent “${title}” back to you.`;
  const noteLead = submitted ? 'Their note:' : 'Their note for you:';
  const action = submitted ? 'Review it in the editor' : 'Open it in the editor';
  const html = renderEmailHtml(
    <EmailLayout siteTitle={data.siteTitle} subject={subject} preheader={lead}>
      <p>{lead}</p>
      {data.note !== null && data.note !== '' && (
        <>
          <p>{noteLead}</p>
          <p class="quote">{data.note}</p>
        </>
      )}
      <EmailButton href={data.editUrl}>{action}</EmailButton>
      <p>
        <a href={data.previewUrl}>Preview it as readers will see it</a>
      </p>
    </EmailLayout>,
  );
  const text = toEmailText([
    lead,
    data.note !== null && data.note !== '' ? `${noteLead}\n${data.note}` : null,
    `${action}: ${data.editUrl}`,
    `Preview: ${data.previewUrl}`,
  ]);
  return { subject, html, text };
}
