import type { ComponentChildren } from 'preact';
import type { CompactItem } from '../listing/compact-list.js';
import { CompactList } from '../listing/compact-list.js';
import type { StoryCard } from '../listing/story-list.js';
import { StoryList } from '../listing/story-list.js';

export interface FrontSection {
  readonly name: string;
  readonly url: string;
  readonly stories: readonly StoryCard[];
}

export interface FrontPageView {
  readonly siteTitle: string;
  readonly lead: StoryCard | null;
  readonly top: readonly StoryCard[];
  readonly picks: readonly CompactItem[];
  readonly sections: readonly FrontSection[];
  /** Slots that later features fill: the campaign banner, the news feed, the sign-up form. */
  readonly slots: {
    readonly banner?: ComponentChildren;
    readonly newsFeed?: ComponentChildren;
    readonly signUp?: ComponentChildren;
  };
}

function Lead({ story }: { story: StoryCard }) {
  return (
    <article class="lead-story">
      {story.image !== null && (
        <a href={story.url} tabIndex={-1} aria-hidden="true">
          <img
            src={story.image.rendition.src}
            srcset={story.image.rendition.srcset}
            sizes="(min-width: 960px) 44rem, 100vw"
            width={story.image.rendition.width}
            height={story.image.rendition.height}
            alt={story.image.alt}
            fetchpriority="high"
          />
        </a>
      )}
      {story.section !== null && (
        <p class="article-section">
          <a href={story.section.url}>{story.section.name}</a>
        </p>
      )}
      <h2 class="lead-headline">
        <a href={story.url}>{story.title}</a>
      </h2>
      {story.standfirst !== '' && <p class="lead-standfirst">{story.standfirst}</p>}
      <p class="story-time">
        <time datetime={story.published.iso}>{story.published.text}</time>
      </p>
    </article>
  );
}

/** The front page: lead and top stories, the side column, then a row per section. */
export function FrontPage({ view }: { view: FrontPageView }) {
  return (
    <>
      <h1 class="visually-hidden">{view.siteTitle}: latest news</h1>
      {view.slots.banner}
      <div class="front-top">
        <section class="front-main" aria-label="Top stories">
          {view.lead !== null ? (
            <Lead story={view.lead} />
          ) : (
            <p>No stories have been published yet.</p>
          )}
          <StoryList stories={view.top} headingLevel={3} />
        </section>
        <div class="front-side">
          {view.slots.newsFeed}
          <CompactList id="front-editors-picks" title="Editors’ Picks" items={view.picks} />
          {view.slots.signUp}
        </div>
      </div>
      {view.sections.map((section) => (
        <section class="front-section" key={section.url} aria-labelledby={`front-${section.url}`}>
          <h2 class="section-heading" id={`front-${section.url}`}>
            <a href={section.url}>{section.name}</a>
          </h2>
          <StoryList stories={section.stories} headingLevel={3} />
        </section>
      ))}
    </>
  );
}
