import { markdownToBody } from '../../features/content/body/markdown-to-body.js';
import { renderBodyToHtml } from '../../features/content/body/render-body.js';
import { figureNames, type CampaignFigures, type FigureName } from './campaign-figures.js';

/** Copy is short; a longer text is cut rather than slowing every page render. */
export const maxCopyLength = 2000;

const noMedia = {
  image: () => undefined,
  related: () => undefined,
  paywall: 'hide' as const,
};

/** Copy rendered once per text: Markdown → sanitised body → HTML, figures still as `{name}`. */
const rendered = new Map<string, string>();

function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    try {
      html = renderBodyToHtml(markdownToBody(markdown.slice(0, maxCopyLength)), noMedia);
    } catch {
      html = '';
    }
    if (rendered.size > 500) rendered.clear();
    rendered.set(markdown, html);
  }
  return html;
}

const placeholder = /\{(goal|count|supporters|remaining)\}/gu;

/** A figure the island keeps current: its name says which. */
export function figureSpan(name: FigureName, text: string): string {
  return `<span data-campaign-figure="${name}">${text}</span>`;
}

/**
 * Campaign copy as HTML: Markdown through the same converter and sanitiser as article
 * bodies (no raw HTML gets through), then each placeholder in the text, never inside a
 * tag, becomes a figure span. Figures are formatted numbers, so they need no escaping.
 */
export function renderCampaignCopy(markdown: string, figures: CampaignFigures): string {
  const key = [markdown, ...figureNames.map((name) => figures[name])].join('\0');
  let html = filled.get(key);
  if (html === undefined) {
    html = fillFigures(renderMarkdown(markdown), figures);
    if (filled.size > 500) filled.clear();
    filled.set(key, html);
  }
  return html;
}

/** Copy with its figures in, per text and figures: the figures change far less than pages render. */
const filled = new Map<string, string>();

function fillFigures(html: string, figures: CampaignFigures): string {
  return html
    .split(/(<[^>]*>)/u)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(placeholder, (_all, name: string) =>
            (figureNames as readonly string[]).includes(name)
              ? figureSpan(name as FigureName, escapeText(figures[name as FigureName]))
              : _all,
          ),
    )
    .join('');
}

/** Headlines are plain text with the same placeholders, filled in without markup. */
export function fillPlainText(text: string, figures: CampaignFigures): string {
  return text.replace(placeholder, (_all, name: string) => figures[name as FigureName]);
}

function escapeText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
