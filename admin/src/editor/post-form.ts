import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import type { AuthorRef, PostResource, StaffUser, Visibility } from '../api/resources.js';

/** The editor's fields apart from the body, as the person edits them. */
export interface PostForm {
  readonly title: string;
  readonly standfirst: string;
  readonly slug: string;
  readonly visibility: Visibility;
  /** Tag names, in order; the first is the section. */
  readonly tags: readonly string[];
  readonly authors: readonly AuthorRef[];
  readonly featureImage: FeatureImageForm | null;
  readonly seoTitle: string;
  readonly seoDescription: string;
}

export interface FeatureImageForm {
  readonly mediaId: string;
  readonly url: string | null;
  readonly alt: string;
  readonly caption: string;
  readonly credit: string;
}

/** What one save sends: the form and the body, in the Admin API's words. */
export interface SavePayload {
  readonly title: string;
  readonly standfirst: string;
  readonly slug?: string;
  readonly visibility: Visibility;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  readonly feature_image: { media_id: string; alt: string; caption: string; credit: string } | null;
  readonly seo_title: string;
  readonly seo_description: string;
  readonly body: BodyDocument;
}

/**
 * The version an editor works on: a live post's pending changes when it has some, the
 * post itself otherwise.
 */
export function editedVersion(post: PostResource): PostResource {
  const pending = post.pending_changes;
  return pending === null || pending === undefined ? post : { ...post, ...pending };
}

export function toPostForm(stored: PostResource): PostForm {
  const post = editedVersion(stored);
  const image = post.feature_image;
  return {
    title: post.title,
    standfirst: post.standfirst,
    slug: post.slug,
    visibility: post.visibility,
    tags: post.tags.map((tag) => tag.name),
    authors: post.authors.map((a) => ({ id: a.id, slug: a.slug, name: a.name })),
    featureImage:
      image === null
        ? null
        : {
            mediaId: image.media_id,
            url: image.url,
            alt: image.alt,
            caption: image.caption,
            credit: image.credit,
          },
    seoTitle: post.seo_title,
    seoDescription: post.seo_description,
  };
}

/** A new post's form: no text yet, credited to the person writing it. */
export function emptyPostForm(user: StaffUser): PostForm {
  return {
    title: '',
    standfirst: '',
    slug: '',
    visibility: 'public',
    tags: [],
    authors: [{ id: user.id, slug: user.slug, name: user.name }],
    featureImage: null,
    seoTitle: '',
    seoDescription: '',
  };
}

/** The slug is sent only once the person has changed it, so the server keeps deciding it. */
export function toSavePayload(
  form: PostForm,
  body: BodyDocument,
  slugEdited: boolean,
): SavePayload {
  const image = form.featureImage;
  return {
    title: form.title,
    standfirst: form.standfirst,
    ...(slugEdited && form.slug.trim() !== '' ? { slug: form.slug.trim() } : {}),
    visibility: form.visibility,
    tags: form.tags,
    authors: form.authors.map((a) => a.slug),
    feature_image:
      image === null
        ? null
        : { media_id: image.mediaId, alt: image.alt, caption: image.caption, credit: image.credit },
    seo_title: form.seoTitle,
    seo_description: form.seoDescription,
    body,
  };
}
