/**
 * Merging a save that started from an older revision (ADR 0011): a pure decider over three
 * versions of a post's fields: the one the person started from (`base`), the one stored
 * now (`theirs`) and the one they send (`mine`, only the fields they sent).
 *
 * A field only one side changed takes that side's value; a field both changed to the same
 * value is no clash; a field both changed differently is a clash, and the whole save is
 * refused with the list of clashing fields so the person can choose field by field.
 */

export interface MergeVersion {
  readonly title: string;
  readonly standfirst: string;
  readonly slug: string;
  readonly body: unknown;
  readonly visibility: string;
  readonly featureImage: {
    readonly mediaId: string;
    readonly alt: string;
    readonly caption: string;
    readonly credit: string;
  } | null;
  readonly seoTitle: string;
  readonly seoDescription: string;
  /** Tag slugs, in order. */
  readonly tags: readonly string[];
  /** Author ids, in order. */
  readonly authors: readonly string[];
}

export type MergeField = keyof MergeVersion;

export const mergeFields: readonly MergeField[] = [
  'title',
  'standfirst',
  'slug',
  'body',
  'visibility',
  'featureImage',
  'seoTitle',
  'seoDescription',
  'tags',
  'authors',
];

/** The Admin API's name of each field, as the conflict answer and the CMS use it. */
export const apiFieldName: Readonly<Record<MergeField, string>> = {
  title: 'title',
  standfirst: 'standfirst',
  slug: 'slug',
  body: 'body',
  visibility: 'visibility',
  featureImage: 'feature_image',
  seoTitle: 'seo_title',
  seoDescription: 'seo_description',
  tags: 'tags',
  authors: 'authors',
};

export type MergeDecision =
  | {
      readonly kind: 'merged';
      /** Fields the save changes: they are written. */
      readonly mine: readonly MergeField[];
      /** Fields only the other side changed: the save leaves them as stored. */
      readonly theirs: readonly MergeField[];
    }
  | { readonly kind: 'clash'; readonly fields: readonly MergeField[] };

/** JSON with object keys sorted, so equal documents compare equal whatever their key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

export function decideMerge(
  base: MergeVersion,
  theirs: MergeVersion,
  mine: Partial<MergeVersion>,
): MergeDecision {
  const keep: MergeField[] = [];
  const taken: MergeField[] = [];
  const clashes: MergeField[] = [];
  for (const field of mergeFields) {
    const theyChanged = !same(theirs[field], base[field]);
    const sent = field in mine && mine[field] !== undefined;
    const iChanged = sent && !same(mine[field], base[field]);
    if (iChanged && theyChanged && !same(mine[field], theirs[field])) clashes.push(field);
    else if (iChanged) keep.push(field);
    else if (theyChanged) taken.push(field);
  }
  return clashes.length > 0
    ? { kind: 'clash', fields: clashes }
    : { kind: 'merged', mine: keep, theirs: taken };
}
