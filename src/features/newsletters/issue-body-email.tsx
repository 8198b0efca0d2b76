import { assertNever } from '../../platform/errors.js';
import type { Block, BodyDocument, Inline } from '../content/body/body.types.js';
import { isAllowedImageSrc, isAllowedLinkHref } from '../content/body/safe-url.js';

/** What an e-mail body needs from outside: absolute URLs and image sizes. */
export interface EmailBodyContext {
  readonly siteUrl: string;
  /** The largest JPEG of a media item, for mail programs that know no WebP or srcset. */
  image(mediaId: string): { src: string; width: number; height: number } | undefined;
  /** A related article's title and URL. */
  related(postId: string): { title: string; url: string } | undefined;
}

/** Images in an e-mail are at most this wide: the sheet's width. */
export const emailImageWidth = 560;

export function toAbsoluteUrl(url: string, siteUrl: string): string {
  try {
    return new URL(url, `${siteUrl}/`).toString();
  } catch {
    return siteUrl;
  }
}

function InlineRuns({ content, siteUrl }: { content: readonly Inline[]; siteUrl: string }) {
  return (
    <>
      {content.map((inline, index) => {
        if (inline.type === 'break') return <br key={index} />;
        let node: preact.ComponentChildren = inline.text;
        for (const mark of inline.marks ?? []) {
          if (mark.type === 'bold') node = <strong>{node}</strong>;
          else if (mark.type === 'italic') node = <em>{node}</em>;
          else if (mark.type === 'code') node = <code>{node}</code>;
          else if (mark.type === 'strike') node = <s>{node}</s>;
          else if (isAllowedLinkHref(mark.href)) {
            node = <a href={toAbsoluteUrl(mark.href, siteUrl)}>{node}</a>;
          }
        }
        return <span key={index}>{node}</span>;
      })}
    </>
  );
}

function EmailBlock({ block, context }: { block: Block; context: EmailBodyContext }) {
  const { siteUrl } = context;
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <InlineRuns content={block.content} siteUrl={siteUrl} />
        </p>
      );
    case 'heading':
      return (
        <h2 class="issue-heading">
          <InlineRuns content={block.content} siteUrl={siteUrl} />
        </h2>
      );
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <InlineRuns content={item} siteUrl={siteUrl} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote class="quote">
          <InlineRuns content={block.content} siteUrl={siteUrl} />
          {block.attribution !== undefined && <p class="fine-print">— {block.attribution}</p>}
        </blockquote>
      );
    case 'pullquote':
      return (
        <blockquote class="quote">
          {block.text}
          {block.attribution !== undefined && <p class="fine-print">— {block.attribution}</p>}
        </blockquote>
      );
    case 'image': {
      const found = block.mediaId === null ? undefined : context.image(block.mediaId);
      const src = found?.src ?? (isAllowedImageSrc(block.src) ? block.src : null);
      if (src === null) return null;
      const height =
        found === undefined
          ? undefined
          : Math.round((found.height * emailImageWidth) / found.width);
      return (
        <div class="issue-image">
          <img
            src={toAbsoluteUrl(src, siteUrl)}
            alt={block.alt}
            width={emailImageWidth}
            height={height}
            style="max-width: 100%; height: auto;"
          />
          {(block.caption !== '' || block.credit !== '') && (
            <p class="fine-print">
              {block.caption} {block.credit !== '' && `(${block.credit})`}
            </p>
          )}
        </div>
      );
    }
    case 'embed':
      return (
        <p>
          <a href={block.url}>{block.title === '' ? block.url : block.title}</a>
        </p>
      );
    case 'related': {
      const related = context.related(block.postId);
      if (related === undefined) return null;
      return (
        <p class="related">
          Related: <a href={related.url}>{related.title}</a>
        </p>
      );
    }
    case 'divider':
      return <hr />;
    case 'paywall':
      return null;
    default:
      return assertNever(block);
  }
}

/** A body as e-mail HTML: plain tags, absolute links, images with width and alt. */
export function EmailBody({ body, context }: { body: BodyDocument; context: EmailBodyContext }) {
  return (
    <>
      {body.blocks.map((block, index) => (
        <EmailBlock key={index} block={block} context={context} />
      ))}
    </>
  );
}

function inlineText(content: readonly Inline[], siteUrl: string): string {
  return content
    .map((inline) => {
      if (inline.type === 'break') return '\n';
      const link = inline.marks?.find((mark) => mark.type === 'link');
      return link?.type === 'link' && isAllowedLinkHref(link.href)
        ? `${inline.text} (${toAbsoluteUrl(link.href, siteUrl)})`
        : inline.text;
    })
    .join('');
}

function blockText(block: Block, context: EmailBodyContext): string | null {
  switch (block.type) {
    case 'paragraph':
      return inlineText(block.content, context.siteUrl);
    case 'heading':
      return inlineText(block.content, context.siteUrl).toUpperCase();
    case 'list':
      return block.items
        .map(
          (item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlineText(item, context.siteUrl)}`,
        )
        .join('\n');
    case 'quote':
      return `> ${inlineText(block.content, context.siteUrl)}${block.attribution === undefined ? '' : `\n— ${block.attribution}`}`;
    case 'pullquote':
      return `> ${block.text}${block.attribution === undefined ? '' : `\n— ${block.attribution}`}`;
    case 'image':
      return block.caption === '' ? null : `[${block.alt || 'Image'}] ${block.caption}`;
    case 'embed':
      return `${block.title === '' ? '' : `${block.title}: `}${block.url}`;
    case 'related': {
      const related = context.related(block.postId);
      return related === undefined ? null : `Related: ${related.title} ${related.url}`;
    }
    case 'divider':
      return '---';
    case 'paywall':
      return null;
    default:
      return assertNever(block);
  }
}

/** The same body as the plain-text part, links written out after their words. */
export function toEmailBodyText(body: BodyDocument, context: EmailBodyContext): string[] {
  return body.blocks
    .map((block) => blockText(block, context))
    .filter((t): t is string => t !== null);
}
