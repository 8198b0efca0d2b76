import { renderToString } from 'preact-render-to-string';
import { assertNever } from '../../../platform/errors.js';
import type { Block, BlockOf, BodyDocument } from './body.types.js';
import { embedIframeSrc, toEmbedSource, toProviderLabel } from './embed-provider.js';
import { InlineContent, Link } from './render-inline.js';
import { isAllowedImageSrc, isAllowedLinkHref } from './safe-url.js';

/**
 * The body as the reader sees it. Pure HTML: no block ships JavaScript, video embeds are
 * sandboxed cookie-less iframes, and social posts are plain links. Every string goes
 * through Preact, which escapes it.
 */

/** A responsive image: AVIF/WebP `sources` (best first) and a JPEG fallback in `src`. */
export interface ImageRendition {
  src: string;
  srcset: string;
  sizes: string;
  width: number;
  height: number;
  sources?: { type: string; srcset: string }[];
}

export interface RelatedCard {
  url: string;
  title: string;
  section: string | null;
  image: ImageRendition | null;
  imageAlt: string;
}

/** What the body needs from outside: media renditions, related posts, paywall display. */
export interface BodyRenderContext {
  image(mediaId: string): ImageRendition | undefined;
  related(postId: string): RelatedCard | undefined;
  paywall: 'show-marker' | 'hide';
}

function Picture({ rendition, alt }: { rendition: ImageRendition; alt: string }) {
  const img = (
    <img
      src={rendition.src}
      srcset={rendition.srcset}
      sizes={rendition.sizes}
      width={rendition.width}
      height={rendition.height}
      alt={alt}
      loading="lazy"
      decoding="async"
    />
  );
  const sources = rendition.sources ?? [];
  if (sources.length === 0) return img;
  return (
    <picture>
      {sources.map((source) => (
        <source
          key={source.type}
          type={source.type}
          srcset={source.srcset}
          sizes={rendition.sizes}
        />
      ))}
      {img}
    </picture>
  );
}

function ImageBlock({ block, context }: { block: BlockOf<'image'>; context: BodyRenderContext }) {
  const rendition = block.mediaId === null ? undefined : context.image(block.mediaId);
  if (rendition === undefined && !isAllowedImageSrc(block.src)) return null;
  return (
    <figure class="body-image">
      {rendition === undefined ? (
        <img src={block.src} alt={block.alt} loading="lazy" decoding="async" />
      ) : (
        <Picture rendition={rendition} alt={block.alt} />
      )}
      {(block.caption !== '' || block.credit !== '') && (
        <figcaption>
          {block.caption}
          {block.caption !== '' && block.credit !== '' && ' '}
          {block.credit !== '' && <span class="credit">{block.credit}</span>}
        </figcaption>
      )}
    </figure>
  );
}

function EmbedBlock({ block }: { block: BlockOf<'embed'> }) {
  const label = toProviderLabel(block.provider);
  const iframeSrc = embedIframeSrc(block.provider, block.url);
  if (iframeSrc !== null) {
    return (
      <figure class="embed" data-provider={block.provider}>
        <iframe
          src={iframeSrc}
          title={block.title || `${label} video`}
          width={560}
          height={315}
          loading="lazy"
          allow="fullscreen; picture-in-picture"
          sandbox="allow-scripts allow-same-origin allow-presentation"
          referrerpolicy="strict-origin-when-cross-origin"
        />
      </figure>
    );
  }
  if (!isAllowedLinkHref(block.url)) return null;
  return (
    <blockquote class="embed-link" data-provider={block.provider}>
      <p>
        <Link href={block.url}>{block.title || block.url}</Link>
      </p>
      <footer>{toEmbedSource(block.provider, block.url)}</footer>
    </blockquote>
  );
}

function RelatedBlock({
  block,
  context,
}: {
  block: BlockOf<'related'>;
  context: BodyRenderContext;
}) {
  const card = context.related(block.postId);
  if (card === undefined) return null;
  return (
    <aside class="related-card" aria-label="Related article">
      {card.section !== null && <p class="related-card-section">{card.section}</p>}
      <p class="related-card-headline">
        <Link href={card.url}>{card.title}</Link>
      </p>
      {card.image !== null && (
        <div class="related-card-image">
          <Picture rendition={card.image} alt={card.imageAlt} />
        </div>
      )}
    </aside>
  );
}

function BlockView({ block, context }: { block: Block; context: BodyRenderContext }) {
  switch (block.type) {
    case 'paragraph':
      return (
        <p>
          <InlineContent content={block.content} />
        </p>
      );
    case 'heading': {
      const content = <InlineContent content={block.content} />;
      if (block.level === 2) return <h2>{content}</h2>;
      if (block.level === 3) return <h3>{content}</h3>;
      return <h4>{content}</h4>;
    }
    case 'list': {
      const items = block.items.map((item, index) => (
        <li key={index}>
          <InlineContent content={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'quote':
      return (
        <blockquote class="body-quote">
          <p>
            <InlineContent content={block.content} />
          </p>
          {block.attribution && (
            <footer class="body-quote-attribution">— {block.attribution}</footer>
          )}
        </blockquote>
      );
    case 'pullquote':
      return (
        <figure class="body-pullquote">
          <blockquote class="pullquote">
            <p>{block.text}</p>
          </blockquote>
          {block.attribution && <figcaption>— {block.attribution}</figcaption>}
        </figure>
      );
    case 'image':
      return <ImageBlock block={block} context={context} />;
    case 'embed':
      return <EmbedBlock block={block} />;
    case 'related':
      return <RelatedBlock block={block} context={context} />;
    case 'divider':
      return <hr class="body-divider" />;
    case 'paywall':
      return context.paywall === 'show-marker' ? <hr class="paywall-marker" /> : null;
    default:
      return assertNever(block);
  }
}

export function BodyView({ body, context }: { body: BodyDocument; context: BodyRenderContext }) {
  return (
    <>
      {body.blocks.map((block, index) => (
        <BlockView key={index} block={block} context={context} />
      ))}
    </>
  );
}

export function renderBodyToHtml(body: BodyDocument, context: BodyRenderContext): string {
  return renderToString(<BodyView body={body} context={context} />);
}
