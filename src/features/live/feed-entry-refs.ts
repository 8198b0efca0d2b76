import type { Clock } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import type { BodyConverter } from '../content/body/body-converter.js';
import type { BodyDocument } from '../content/body/body.types.js';
import type { Tag } from '../content/tag.js';
import { checkEntryInput, decideEntryBody, type FeedEntryInput } from './feed-entry-input.js';

export interface FeedEntryRefsDeps {
  readonly clock: Clock;
  readonly listTags: () => Promise<readonly Tag[]>;
  readonly findAuthorId: (ref: string) => Promise<string | undefined>;
  readonly hasPost: (id: string) => Promise<boolean>;
  readonly bodyConverter: BodyConverter;
}

/** A save's input, checked, with the body decided and every reference found. */
export interface ResolvedEntryInput {
  readonly body: BodyDocument | undefined;
  readonly authorId: string | undefined;
  readonly sectionIds: string[] | undefined;
}

/**
 * Checks a save's input and finds the staff user, sections and post it names. Runs before
 * the save's transaction: on SQLite the transaction holds the only connection.
 */
export async function resolveEntryInput(
  input: FeedEntryInput,
  deps: FeedEntryRefsDeps,
): Promise<ResolvedEntryInput> {
  checkEntryInput(input);
  if (input.publishedAt !== undefined && input.publishedAt > deps.clock.now()) {
    throw invalid([
      { field: 'published_at', message: 'entries go live when posted: use a past time' },
    ]);
  }
  const body = await decideEntryBody(input, deps.bodyConverter);
  let authorId: string | undefined;
  if (input.author !== undefined) {
    authorId = await deps.findAuthorId(input.author.trim());
    if (authorId === undefined) {
      throw invalid([{ field: 'author', message: `no staff member "${input.author}"` }]);
    }
  }
  let sectionIds: string[] | undefined;
  if (input.sections !== undefined) {
    const tags = await deps.listTags();
    sectionIds = [];
    for (const ref of input.sections) {
      const text = ref.trim().toLowerCase();
      const tag = tags.find(
        (t) => t.id === ref || t.slug === text || t.name.toLowerCase() === text,
      );
      if (tag === undefined) throw invalid([{ field: 'sections', message: `no section "${ref}"` }]);
      if (!sectionIds.includes(tag.id)) sectionIds.push(tag.id);
    }
  }
  if (typeof input.postId === 'string' && !(await deps.hasPost(input.postId))) {
    throw invalid([{ field: 'post_id', message: 'there is no post with this id' }]);
  }
  return { body, authorId, sectionIds };
}
