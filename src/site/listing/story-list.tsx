import type { ImageRendition } from '../../features/content/body/render-body.js';

export interface StoryCard {
  readonly url: string;
  readonly title: string;
  readonly standfirst: string;
  readonly section: { readonly name: string; readonly url: string } | null;
  readonly image: { readonly rendition: ImageRendition; readonly alt: string } | null;
  readonly published: { readonly iso: string; readonly text: string };
}

/** A grid of article teasers, used by the front, section and author pages. */
export function StoryList({
  stories,
  headingLevel = 2,
}: {
  stories: readonly StoryCard[];
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="story-list">
      {stories.map((story) => (
        <li key={story.url}>
          {story.image !== null && (
            <img
              src={story.image.rendition.src}
              srcset={story.image.rendition.srcset}
              sizes="(min-width: 720px) 22rem, 100vw"
              width={story.image.rendition.width}
              height={story.image.rendition.height}
              alt={story.image.alt}
              loading="lazy"
              decoding="async"
            />
          )}
          {story.section !== null && (
            <p class="article-section">
              <a href={story.section.url}>{story.section.name}</a>
            </p>
          )}
          <Heading>
            <a href={story.url}>{story.title}</a>
          </Heading>
          {story.standfirst !== '' && <p>{story.standfirst}</p>}
          <p>
            <time datetime={story.published.iso}>{story.published.text}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
