import juice from 'juice';
import type { ComponentChildren, VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A message's content before it is addressed: what every e-mail template returns. */
export interface EmailContent {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/*
 * Written once as a style sheet, inlined into every element by juice: many mail programs
 * drop <style> blocks, none drop style attributes.
 */
const emailCss = `
body { margin: 0; padding: 0; background: #f4f0e6; color: #1a1a1a; }
.frame { width: 100%; background: #f4f0e6; }
.sheet { max-width: 560px; margin: 0 auto; padding: 24px; background: #fffdf8;
  font-family: Georgia, 'Times New Roman', serif; font-size: 17px; line-height: 1.5; }
.masthead { margin: 0 0 16px; padding-bottom: 8px; border-bottom: 3px double #d9d4c7;
  font-size: 22px; font-weight: bold; }
p { margin: 0 0 16px; }
.quote { margin: 0 0 16px; padding: 8px 16px; border-left: 4px solid #d9d4c7; }
.button { display: inline-block; padding: 12px 20px; background: #1a1a1a; color: #fffdf8;
  font-family: Arial, sans-serif; font-weight: bold; text-decoration: none; }
.fine-print { color: #5c5c5c; font-size: 14px; }
.preheader { display: none; max-height: 0; overflow: hidden; }
`;

export interface EmailLayoutProps {
  readonly siteTitle: string;
  readonly subject: string;
  /** The line mail programs show after the subject in a list of messages. */
  readonly preheader: string;
  readonly children: ComponentChildren;
}

/** The frame of every staff and reader e-mail: the site's name, the message, no script. */
export function EmailLayout(props: EmailLayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.subject}</title>
        <style dangerouslySetInnerHTML={{ __html: emailCss }} />
      </head>
      <body>
        <div class="preheader">{props.preheader}</div>
        <table class="frame" role="presentation" width="100%">
          <tr>
            <td>
              <div class="sheet">
                <p class="masthead">{props.siteTitle}</p>
                {props.children}
              </div>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

/** A link that looks like a button; the URL is also in the plain-text part. */
export function EmailButton({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a class="button" href={href}>
        {children}
      </a>
    </p>
  );
}

/** The HTML part: the document rendered and its styles inlined. */
export function renderEmailHtml(document: VNode): string {
  return juice(`<!doctype html>${renderToString(document)}`);
}

/** The plain-text part: paragraphs separated by a blank line; nulls are left out. */
export function toEmailText(paragraphs: readonly (string | null)[]): string {
  return `${paragraphs.filter((p): p is string => p !== null && p !== '').join('\n\n')}\n`;
}
