import { invalid } from '../../platform/errors.js';
import { PostResource } from './post.schemas.js';

/** A post resource's field names, for `?fields=` on post lists. */
export type PostField = keyof PostResource;

const known = new Set<string>(Object.keys(PostResource.properties));

/**
 * The fields a post list is narrowed to (`?fields=id,title,status`, as Ghost's Admin API
 * allows), always with `id`; null when every field is wanted (no names given). An unknown name is refused
 * with the names a post has, so a typo never silently drops a column.
 */
export function parsePostFields(text: string | undefined): ReadonlySet<PostField> | null {
  if (text === undefined) return null;
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  // `?fields=` with nothing in it asks for nothing in particular: every field.
  if (names.length === 0) return null;
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw invalid([
      {
        field: 'fields',
        message: `${unknown.map((name) => `“${name}”`).join(', ')} ${unknown.length === 1 ? 'is not a field' : 'are not fields'} of a post. Fields: ${[...known].join(', ')}.`,
      },
    ]);
  }
  return new Set(['id', ...names] as PostField[]);
}

/** A post resource with only the given fields. */
export function pickPostFields(
  resource: PostResource,
  fields: ReadonlySet<PostField>,
): Partial<PostResource> & Pick<PostResource, 'id'> {
  const picked: Partial<Record<PostField, unknown>> = {};
  for (const field of fields) picked[field] = resource[field];
  return picked as Partial<PostResource> & Pick<PostResource, 'id'>;
}
