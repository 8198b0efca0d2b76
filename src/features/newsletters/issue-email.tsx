import juice from 'juice';
import { renderToString } from 'preact-render-to-string';
import { toEmailText } from '../../platform/mail/render-email.js';
import type { BodyDocument } from '../content/body/body.types.js';
import {
  EmailBody,
  emailImageWidth,
  toEmailBodyText,
  type EmailBodyContext,
} from './issue-body-email.js';

/** Stand-ins for each recipient's own links, replaced per message at send time. */
export const recipientSlots = {
  preferences: '__MASTHEAD_PREFERENCES_URL__',
  unsubscribe: '__MASTHEAD_UNSUBSCRIBE_URL__',
} as const;

export interface IssueView {
  readonly siteTitle: string;
  readonly newsletterName: string;
  readonly subject: string;
  readonly preheader: string;
  /** The article's headline and link when an article is sent as the issue. */
  readonly article: {
    readonly title: string;
    readonly standfirst: string;
    readonly url: string;
    readonly image: {
      readonly src: string;
      readonly alt: string;
      readonly width: number;
      readonly height: number;
    } | null;
  } | null;
  readonly body: BodyDocument;
  /** For a recipient without access to a gated article: where to read the rest. */
  readonly gate: { readonly text: string; readonly url: string; readonly label: string } | null;
  readonly context: EmailBodyContext;
}

/*
 * One style sheet, inlined by juice into each element. The media query stays in <style>
 * (mail programs that honour it narrow the padding on phones); the sheet is fluid anyway.
 */
const issueCss = `
body { margin: 0; padding: 0; background: #f4f0e6; color: #1a1a1a; }
.frame { width: 100%; background: #f4f0e6; }
.sheet { max-width: ${emailImageWidth}px; margin: 0 auto; padding: 24px; background: #fffdf8;
  font-family: Georgia, 'Times New Roman', serif; font-size: 17px; line-height: 1.5; }
.masthead { margin: 0 0 4px; font-size: 22px; font-weight: bold; }
.newsletter-name { margin: 0 0 16px; padding-bottom: 8px; border-bottom: 3px double #d9d4c7;
  color: #5c5c5c; font-family: Arial, sans-serif; font-size: 14px; text-transform: uppercase; }
h1 { margin: 0 0 8px; font-size: 26px; line-height: 1.2; }
h1 a { color: #1a1a1a; text-decoration: none; }
.issue-heading { margin: 24px 0 8px; font-size: 20px; }
.standfirst { margin: 0 0 16px; color: #3d3d3d; font-size: 19px; }
p { margin: 0 0 16px; }
a { color: #8a1c1c; }
.quote { margin: 0 0 16px; padding: 8px 16px; border-left: 4px solid #d9d4c7; }
.issue-image { margin: 0 0 16px; }
.issue-image img { display: block; max-width: 100%; height: auto; border: 0; }
.gate { margin: 24px 0; padding: 16px; border: 2px solid #1a1a1a; }
.button { display: inline-block; padding: 12px 20px; background: #1a1a1a; color: #fffdf8;
  font-family: Arial, sans-serif; font-weight: bold; text-decoration: none; }
.fine-print { color: #5c5c5c; font-size: 14px; }
.footer { margin-top: 32px; padding-top: 8px; border-top: 1px solid #d9d4c7; }
.preheader { display: none; max-height: 0; overflow: hidden; }
@media (max-width: 600px) { .sheet { padding: 16px !important; font-size: 16px !important; } }
`;

function IssueDocument({ view }: { view: IssueView }) {
  const article = view.article;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{view.subject}</title>
        <style dangerouslySetInnerHTML={{ __html: issueCss }} />
      </head>
      <body>
        <div class="preheader">{view.preheader}</div>
        <table class="frame" role="presentation" width="100%">
          <tr>
            <td>
              <div class="sheet">
                <p class="masthead">{view.siteTitle}</p>
                <p class="newsletter-name">{view.newsletterName}</p>
                {article !== null && (
                  <>
                    <h1>
                      <a href={article.url}>{article.title}</a>
                    </h1>
                    {article.standfirst !== '' && <p class="standfirst">{article.standfirst}</p>}
                    {article.image !== null && (
                      <div class="issue-image">
                        <img
                          src={article.image.src}
                          alt={article.image.alt}
                          width={emailImageWidth}
                          height={Math.round(
                            (article.image.height * emailImageWidth) / article.image.width,
                          )}
                        />
                      </div>
                    )}
                  </>
                )}
                <EmailBody body={view.body} context={view.context} />
                {view.gate !== null && (
                  <div class="gate">
                    <p>{view.gate.text}</p>
                    <p>
                      <a class="button" href={view.gate.url}>
                        {view.gate.label}
                      </a>
                    </p>
                  </div>
                )}
                <div class="footer">
                  <p class="fine-print">
                    You get {view.newsletterName} because you subscribed to it.{' '}
                    <a href={recipientSlots.preferences}>Manage your newsletters</a> ·{' '}
                    <a href={recipientSlots.unsubscribe}>Unsubscribe</a>
                  </p>
                </div>
              </div>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

export interface RenderedIssue {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/** Renders an issue once for a whole batch; `personalise` fills each recipient's links. */
export function renderIssue(view: IssueView): RenderedIssue {
  const html = juice(`<!doctype html>${renderToString(<IssueDocument view={view} />)}`);
  const article = view.article;
  const text = toEmailText([
    `${view.siteTitle} · ${view.newsletterName}`,
    article === null ? null : `${article.title}\n${article.url}`,
    article === null || article.standfirst === '' ? null : article.standfirst,
    ...toEmailBodyText(view.body, view.context),
    view.gate === null ? null : `${view.gate.text}\n${view.gate.url}`,
    `Manage your newsletters: ${recipientSlots.preferences}\nUnsubscribe: ${recipientSlots.unsubscribe}`,
  ]);
  return { subject: view.subject, html, text };
}

/** One recipient's copy: the same issue with their own links in place. */
export function personalise(
  issue: RenderedIssue,
  links: { readonly preferencesUrl: string; readonly unsubscribeUrl: string },
): RenderedIssue {
  const fill = (text: string): string =>
    text
      .replaceAll(recipientSlots.preferences, links.preferencesUrl)
      .replaceAll(recipientSlots.unsubscribe, links.unsubscribeUrl);
  return { subject: issue.subject, html: fill(issue.html), text: fill(issue.text) };
}
