import type { PostForm } from './post-form.js';
import './together.css';

/** Roughly what search results and social cards show before cutting text. */
export const previewLimits = { searchTitle: 60, searchText: 160, socialTitle: 70, socialText: 110 };

export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const shorter = text.slice(0, max - 1);
  const space = shorter.lastIndexOf(' ');
  return `${(space > max * 0.6 ? shorter.slice(0, space) : shorter).trimEnd()}…`;
}

/**
 * How the post will look in search results and as a shared card, from the SEO fields (or
 * the headline and standfirst they fall back to).
 */
export function SeoPreviews(props: { readonly form: PostForm; readonly url: string | null }) {
  const { form } = props;
  const title = form.seoTitle.trim() || form.title.trim() || 'Headline';
  const text = form.seoDescription.trim() || form.standfirst.trim();
  const address = props.url ?? `${location.origin}/${form.slug}`;
  const host = (() => {
    try {
      return new URL(address, location.origin).host;
    } catch {
      return location.host;
    }
  })();
  return (
    <div class="seo-previews">
      <section aria-labelledby="search-preview-title">
        <h3 id="search-preview-title">In search results</h3>
        <div class="search-preview">
          <p class="search-preview-url">{address}</p>
          <p class="search-preview-title">{cut(title, previewLimits.searchTitle)}</p>
          <p class="search-preview-text">
            {text === ''
              ? 'Add a description or a standfirst.'
              : cut(text, previewLimits.searchText)}
          </p>
        </div>
      </section>
      <section aria-labelledby="social-preview-title">
        <h3 id="social-preview-title">As a shared card</h3>
        <div class="social-preview">
          {form.featureImage?.url != null && <img src={form.featureImage.url} alt="" />}
          <div class="social-preview-body">
            <p class="social-preview-site">{host}</p>
            <p class="social-preview-title">{cut(title, previewLimits.socialTitle)}</p>
            {text !== '' && (
              <p class="social-preview-text">{cut(text, previewLimits.socialText)}</p>
            )}
          </div>
        </div>
      </section>
    </div>
  );
}
