import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import type { PostForm, SavePayload } from './post-form.js';

/**
 * Resolving a clash field by field (ADR 0011). The server refused a save because both
 * people changed some fields; the person chose, for each, to keep theirs or take the other
 * version. Every other field keeps this person's change when they made one, and the other
 * person's value otherwise: the same three-way rule the server merges by.
 */

/** The Admin API's field names, as a clash lists them. */
export type ClashField =
  | 'title'
  | 'standfirst'
  | 'slug'
  | 'body'
  | 'visibility'
  | 'feature_image'
  | 'seo_title'
  | 'seo_description'
  | 'tags'
  | 'authors';

export const clashLabels: Readonly<Record<ClashField, string>> = {
  title: 'Headline',
  standfirst: 'Standfirst',
  slug: 'Slug',
  body: 'Body',
  visibility: 'Visibility',
  feature_image: 'Feature image',
  seo_title: 'SEO title',
  seo_description: 'SEO description',
  tags: 'Tags',
  authors: 'Byline',
};

const formKeys: Readonly<Record<Exclude<ClashField, 'body'>, keyof PostForm>> = {
  title: 'title',
  standfirst: 'standfirst',
  slug: 'slug',
  visibility: 'visibility',
  feature_image: 'featureImage',
  seo_title: 'seoTitle',
  seo_description: 'seoDescription',
  tags: 'tags',
  authors: 'authors',
};

export function isClashField(name: string): name is ClashField {
  return name in clashLabels;
}

export interface Side {
  readonly form: PostForm;
  readonly body: BodyDocument;
}

/** JSON with sorted keys, so equal values compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

function valueOf(side: Side, field: ClashField): unknown {
  if (field === 'body') return side.body;
  const { form } = side;
  // Authors and images compare by what is saved, not by how they were loaded.
  if (field === 'authors') return form.authors.map((a) => a.slug);
  if (field === 'feature_image') {
    const image = form.featureImage;
    return image === null
      ? null
      : { mediaId: image.mediaId, alt: image.alt, caption: image.caption, credit: image.credit };
  }
  return form[formKeys[field]];
}

/**
 * The version to save: `choices` says, for each clashing field, whose value to keep;
 * other fields follow the three-way rule against `base`, the version both started from.
 */
export function resolveClash(
  base: Side,
  mine: Side,
  theirs: Side,
  choices: Readonly<Partial<Record<ClashField, 'mine' | 'theirs'>>>,
): Side {
  const pick = (field: ClashField): 'mine' | 'theirs' => {
    const chosen = choices[field];
    if (chosen !== undefined) return chosen;
    return canonical(valueOf(mine, field)) === canonical(valueOf(base, field)) ? 'theirs' : 'mine';
  };
  const form: Record<string, unknown> = { ...mine.form };
  for (const [field, key] of Object.entries(formKeys) as [ClashField, keyof PostForm][]) {
    form[key] = (pick(field) === 'mine' ? mine : theirs).form[key];
  }
  return {
    form: form as unknown as PostForm,
    body: pick('body') === 'mine' ? mine.body : theirs.body,
  };
}

/** The form after a merged save: the fields the server kept as the other person saved them. */
export function takeMergedFields(mine: PostForm, theirs: PostForm, merged: readonly string[]) {
  const form: Record<string, unknown> = { ...mine };
  for (const name of merged) {
    if (isClashField(name) && name !== 'body') form[formKeys[name]] = theirs[formKeys[name]];
  }
  return { form: form as unknown as PostForm, body: merged.includes('body') };
}

/** The two sides of a save payload as a `Side`, for comparing. */
export function sideOf(form: PostForm, body: BodyDocument): Side {
  return { form, body };
}

/** A save payload as a `Side`: what the server had when this editor last saved. */
export function sideOfPayload(payload: SavePayload, fallback: PostForm): Side {
  const image = payload.feature_image;
  return {
    form: {
      title: payload.title,
      standfirst: payload.standfirst,
      slug: payload.slug ?? fallback.slug,
      visibility: payload.visibility,
      tags: payload.tags,
      authors: payload.authors.map((slug) => ({ id: slug, slug, name: slug })),
      featureImage:
        image === null
          ? null
          : {
              mediaId: image.media_id,
              url: null,
              alt: image.alt,
              caption: image.caption,
              credit: image.credit,
            },
      seoTitle: payload.seo_title,
      seoDescription: payload.seo_description,
    },
    body: payload.body,
  };
}
