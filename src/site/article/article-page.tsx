import {
  BodyView,
  type BodyRenderContext,
  type ImageRendition,
} from '../../features/content/body/render-body.js';
import type { BodyDocument } from '../../features/content/body/body.types.js';
import type { DisplayTime } from '../format-date.js';
import { GateCard } from './gate-card.js';
import { AudioPlayer, type ArticleAudioView } from '../narration/audio-player.js';
import { lockedPartClass } from './article-view.js';

export interface ArticleGate {
  readonly visibility: 'members' | 'paid';
  readonly signInUrl: string;
  readonly signedIn: boolean;
}

export interface ArticleView {
  readonly title: string;
  readonly standfirst: string;
  readonly section: { readonly name: string; readonly url: string } | null;
  readonly authors: readonly {
    readonly name: string;
    readonly url: string;
    readonly jobTitle: string;
  }[];
  readonly published: DisplayTime;
  readonly updated: DisplayTime | null;
  readonly readingMinutes: number;
  readonly featureImage: {
    readonly rendition: ImageRendition;
    readonly alt: string;
    readonly caption: string;
    readonly credit: string;
  } | null;
  /** The part of the body this reader receives, up to the locked part. */
  readonly body: BodyDocument;
  /** For a reader with access to a gated article: the part others do not receive. */
  readonly lockedBody: BodyDocument | null;
  /** For a reader without access: the card in place of the rest. */
  readonly gate: ArticleGate | null;
  readonly bodyContext: BodyRenderContext;
  /** Posts shown as related-article cards, so the page is refreshed when they change. */
  readonly relatedPostIds: readonly string[];
  /** The narration this reader may hear; no player without ready audio. */
  readonly audio?: ArticleAudioView | null;
}

function Picture({ rendition, alt }: { rendition: ImageRendition; alt: string }) {
  return (
    <picture>
      {(rendition.sources ?? []).map((source) => (
        <source
          key={source.type}
          type={source.type}
          srcset={source.srcset}
          sizes={rendition.sizes}
        />
      ))}
      <img
        src={rendition.src}
        srcset={rendition.srcset}
        sizes={rendition.sizes}
        width={rendition.width}
        height={rendition.height}
        alt={alt}
        fetchpriority="high"
      />
    </picture>
  );
}

function Byline({ authors }: Pick<ArticleView, 'authors'>) {
  if (authors.length === 0) return null;
  return (
    <span class="byline">
      By{' '}
      {authors.map((author, index) => (
        <span key={author.url}>
          {index > 0 && (index === authors.length - 1 ? ' and ' : ', ')}
          <a href={author.url} rel="author">
            {author.name}
          </a>
          {author.jobTitle !== '' && <span class="job-title">, {author.jobTitle}</span>}
        </span>
      ))}
    </span>
  );
}

/** The article as a reader sees it. Reading it needs no script. */
export function ArticlePage({ article }: { article: ArticleView }) {
  const image = article.featureImage;
  return (
    <article class="article">
      {article.section !== null && (
        <p class="article-section">
          <a href={article.section.url}>{article.section.name}</a>
        </p>
      )}
      <h1>{article.title}</h1>
      {article.standfirst !== '' && <p class="standfirst">{article.standfirst}</p>}
      <div class="article-meta">
        <Byline authors={article.authors} />
        <time datetime={article.published.iso}>{article.published.text}</time>
        {article.updated !== null && (
          <span>
            Updated: <time datetime={article.updated.iso}>{article.updated.text}</time>
          </span>
        )}
        <span>{article.readingMinutes} min read</span>
      </div>
      {article.audio != null && <AudioPlayer audio={article.audio} />}
      {image !== null && (
        <figure class="feature-image">
          <Picture rendition={image.rendition} alt={image.alt} />
          {(image.caption !== '' || image.credit !== '') && (
            <figcaption>
              {image.caption}
              {image.credit !== '' && <span class="credit">({image.credit})</span>}
            </figcaption>
          )}
        </figure>
      )}
      <div class="article-body">
        <BodyView body={article.body} context={article.bodyContext} />
        {article.lockedBody !== null && (
          <div class={lockedPartClass}>
            <BodyView body={article.lockedBody} context={article.bodyContext} />
          </div>
        )}
      </div>
      {article.gate !== null && <GateCard gate={article.gate} />}
    </article>
  );
}
