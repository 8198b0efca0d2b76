import type { FieldProblem } from '../../../platform/errors.js';
import type { BodyDocument } from './body.types.js';

/**
 * The publish check for alt text. Saving a draft with an empty alt is fine (the editor
 * may not have written it yet); publishing asks for it, one problem per image.
 */
export function findMissingAltText(doc: BodyDocument): FieldProblem[] {
  const problems: FieldProblem[] = [];
  doc.blocks.forEach((block, index) => {
    if (block.type === 'image' && block.alt.trim() === '') {
      problems.push({
        field: `body.blocks[${index}].alt`,
        message: 'needs alt text that describes the image for readers who cannot see it',
      });
    }
  });
  return problems;
}
