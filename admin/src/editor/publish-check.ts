import type { BodyDocument } from '../../../src/features/content/body/body.types.js';
import type { FieldProblem } from '../api/api-client.js';
import type { PostForm } from './post-form.js';

/**
 * What stops a post from going live, found before asking the server (which checks the
 * same and answers 400 with the same field names), so each message can sit next to its field.
 */
export function findPublishProblems(form: PostForm, body: BodyDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (form.title.trim() === '') {
    problems.push({ field: 'title', message: 'Write a headline before publishing.' });
  }
  if (form.featureImage !== null && form.featureImage.alt.trim() === '') {
    problems.push({
      field: 'feature_image.alt',
      message: 'Describe the feature image for readers who cannot see it.',
    });
  }
  let imageNumber = 0;
  body.blocks.forEach((block, index) => {
    if (block.type !== 'image') return;
    imageNumber += 1;
    if (block.alt.trim() === '') {
      problems.push({
        field: `body.blocks[${index}].alt`,
        message: `Image ${imageNumber} in the body needs alt text that describes it.`,
      });
    }
  });
  if (form.authors.length === 0) {
    problems.push({ field: 'authors', message: 'Name at least one author for the byline.' });
  }
  return problems;
}

/** The message for one field, if any. */
export function problemFor(problems: readonly FieldProblem[], field: string): string | null {
  return problems.find((p) => p.field === field)?.message ?? null;
}

export function hasBodyProblems(problems: readonly FieldProblem[]): boolean {
  return problems.some((p) => p.field.startsWith('body'));
}
