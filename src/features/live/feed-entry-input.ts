import { invalid, type FieldProblem } from '../../platform/errors.js';
import type { BodyConverter } from '../content/body/body-converter.js';
import type { BodyDocument } from '../content/body/body.types.js';
import { parseBody } from '../content/body/validate-body.js';

/** What an editor sends to create or change a feed entry; every field optional on change. */
export interface FeedEntryInput {
  readonly title?: string | undefined;
  /** At most one of markdown and body gives the body. */
  readonly markdown?: string | undefined;
  readonly body?: unknown;
  readonly slug?: string | undefined;
  readonly pinned?: boolean | undefined;
  readonly keyEvent?: boolean | undefined;
  /** The id of the article to link to; null removes the link. */
  readonly postId?: string | null | undefined;
  /** Tag ids, slugs or names, in order; the first is the entry's section. */
  readonly sections?: readonly string[] | undefined;
  /** The credited staff user (slug, e-mail or id); defaults to whoever posts. */
  readonly author?: string | undefined;
  /** Back-dates an entry; entries cannot be scheduled, so it may not be in the future. */
  readonly publishedAt?: Date | undefined;
  /** The revision the editor last saw; a save over a newer one is refused. */
  readonly revision?: number | undefined;
}

export const feedEntryLimits = {
  title: 300,
  markdown: 50_000,
  sections: 10,
} as const;

/** Decides the body document from markdown or body, if either was given. */
export async function decideEntryBody(
  input: FeedEntryInput,
  converter: BodyConverter,
): Promise<BodyDocument | undefined> {
  if (input.markdown !== undefined && input.body !== undefined) {
    throw invalid([{ field: 'body', message: 'give only one of markdown and body' }]);
  }
  let body: BodyDocument | undefined;
  if (input.markdown !== undefined) {
    body = await converter.convert({ format: 'markdown', text: input.markdown });
  } else if (input.body !== undefined) body = parseBody(input.body);
  if (body?.blocks.some((block) => block.type === 'paywall') === true) {
    throw invalid([{ field: 'body', message: 'a feed entry is free to read: remove the paywall' }]);
  }
  return body;
}

/** Checks that a schema alone would report less helpfully. */
export function checkEntryInput(input: FeedEntryInput): void {
  const problems: FieldProblem[] = [];
  if (input.title !== undefined) {
    if (input.title.trim() === '') problems.push({ field: 'title', message: 'is required' });
    if (input.title.length > feedEntryLimits.title) {
      problems.push({
        field: 'title',
        message: `must be at most ${feedEntryLimits.title} characters`,
      });
    }
  }
  if (input.markdown !== undefined && input.markdown.length > feedEntryLimits.markdown) {
    problems.push({
      field: 'markdown',
      message: `must be at most ${feedEntryLimits.markdown} characters: keep entries short`,
    });
  }
  if (input.sections !== undefined && input.sections.length > feedEntryLimits.sections) {
    problems.push({ field: 'sections', message: `at most ${feedEntryLimits.sections}` });
  }
  if (problems.length > 0) throw invalid(problems);
}
