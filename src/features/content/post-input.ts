import { invalid, type FieldProblem } from '../../platform/errors.js';
import type { BodyConverter } from './body/body-converter.js';
import type { BodyDocument } from './body/body.types.js';
import { parseBody } from './body/validate-body.js';
import type { PostStatus, Visibility } from './post.js';

/** What a writer sends to create or change a post; every field optional on change. */
export interface PostInput {
  readonly title?: string | undefined;
  readonly standfirst?: string | undefined;
  readonly slug?: string | undefined;
  /** Exactly one of markdown, html and body gives the body. */
  readonly markdown?: string | undefined;
  readonly html?: string | undefined;
  readonly body?: unknown;
  readonly status?: PostStatus | undefined;
  readonly visibility?: Visibility | undefined;
  readonly publishedAt?: Date | undefined;
  /** Tag slugs or names, in order; the first is the section. */
  readonly tags?: readonly string[] | undefined;
  /** Author slugs, e-mails or ids, in byline order. */
  readonly authors?: readonly string[] | undefined;
  readonly featureImage?:
    | {
        mediaId: string;
        alt?: string | undefined;
        caption?: string | undefined;
        credit?: string | undefined;
      }
    | null
    | undefined;
  readonly seoTitle?: string | undefined;
  readonly seoDescription?: string | undefined;
  /** The revision the writer last saw; a save over a newer one is refused. */
  readonly revision?: number | undefined;
}

export const limits = {
  title: 300,
  standfirst: 1000,
  seoTitle: 300,
  seoDescription: 500,
  markdown: 2_000_000,
} as const;

/**
 * Decides the body document from whichever of markdown, html or body was given. Converting
 * may take a while: call it before the save's transaction.
 */
export async function decideBody(
  input: PostInput,
  converter: BodyConverter,
): Promise<BodyDocument | undefined> {
  const given = [input.markdown, input.html, input.body].filter((v) => v !== undefined).length;
  if (given > 1) {
    throw invalid([{ field: 'body', message: 'give only one of markdown, html and body' }]);
  }
  if (input.markdown !== undefined) {
    return converter.convert({ format: 'markdown', text: input.markdown });
  }
  if (input.html !== undefined) return converter.convert({ format: 'html', text: input.html });
  if (input.body !== undefined) return parseBody(input.body);
  return undefined;
}

/** Length checks that a schema alone would report less helpfully. */
export function checkLengths(input: PostInput): void {
  const problems: FieldProblem[] = [];
  const check = (field: string, value: string | undefined, max: number): void => {
    if (value !== undefined && value.length > max) {
      problems.push({ field, message: `must be at most ${max} characters` });
    }
  };
  check('title', input.title, limits.title);
  check('standfirst', input.standfirst, limits.standfirst);
  check('seo_title', input.seoTitle, limits.seoTitle);
  check('seo_description', input.seoDescription, limits.seoDescription);
  check('markdown', input.markdown, limits.markdown);
  check('html', input.html, limits.markdown);
  if (problems.length > 0) throw invalid(problems);
}
