import { Type } from 'typebox';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import { AppError } from '../../../platform/errors.js';
import type { FieldProblem } from '../../../platform/errors.js';
import {
  BODY_LIMITS,
  BlockSchema,
  BodyDocumentSchema,
  blockVariantsWith,
  inlineVariantsWith,
  markVariants,
} from './body.schema.js';
import type { BodyDocument } from './body.types.js';
import { checkBlockRules } from './body-rules.js';
import { toFieldPath, toFieldProblems } from './schema-problems.js';

/**
 * Validation happens in layers, so each problem is reported once, against the shape the
 * value claims to be: the envelope, then each block by its `type`, then each inline by
 * its `type`, then each mark by its `type`. Content rules (safe links, embed hosts, one
 * paywall) run on the blocks whose shape is right.
 */

interface ErrorSource {
  Errors(value: unknown): TLocalizedValidationError[];
}

const MAX_REPORTED_PROBLEMS = 50;

const envelope = Compile(
  Type.Object(
    {
      version: Type.Literal(1),
      blocks: Type.Array(Type.Unknown(), { maxItems: BODY_LIMITS.blocks }),
    },
    { additionalProperties: false },
  ),
);

function compileEach(schemas: Record<string, TSchema>): Map<string, ErrorSource> {
  return new Map(Object.entries(schemas).map(([type, schema]) => [type, Compile(schema)]));
}

const blockShapes = compileEach(blockVariantsWith(Type.Unknown()));
const inlineShapes = compileEach(inlineVariantsWith(Type.Unknown()));
const markShapes = compileEach(markVariants);
const wholeBlock = Compile(BlockSchema);
const wholeDocument = Compile(BodyDocumentSchema);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Problems with one tagged object (block, inline or mark), judged by its own `type`. */
function checkTagged(
  value: unknown,
  path: string,
  shapes: ReadonlyMap<string, ErrorSource>,
  noun: string,
): FieldProblem[] {
  if (!isRecord(value) || typeof value.type !== 'string') {
    return [{ field: path, message: `must be a ${noun} with a type` }];
  }
  const shape = shapes.get(value.type);
  if (shape === undefined) {
    return [{ field: `${path}.type`, message: `"${value.type}" is not a known ${noun} type` }];
  }
  return toFieldProblems(shape.Errors(value), path);
}

function checkInlines(value: unknown, path: string): FieldProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((inline: unknown, index) => {
    const inlinePath = `${path}[${index}]`;
    const problems = checkTagged(inline, inlinePath, inlineShapes, 'inline');
    if (problems.length > 0 || !isRecord(inline) || !Array.isArray(inline.marks)) return problems;
    return inline.marks.flatMap((mark: unknown, markIndex) =>
      checkTagged(mark, `${inlinePath}.marks[${markIndex}]`, markShapes, 'mark'),
    );
  });
}

function checkBlockShape(value: unknown, path: string): FieldProblem[] {
  const problems = checkTagged(value, path, blockShapes, 'block');
  if (problems.length > 0 || !isRecord(value)) return problems;
  if (Array.isArray(value.items)) {
    return value.items.flatMap((item: unknown, index) =>
      checkInlines(item, `${path}.items[${index}]`),
    );
  }
  return checkInlines(value.content, `${path}.content`);
}

/** Every problem with a candidate body, most important first; empty when it is valid. */
export function listBodyProblems(input: unknown, base = 'body'): FieldProblem[] {
  if (!isRecord(input)) return [{ field: base, message: 'must be a body document' }];
  const problems = toFieldProblems(envelope.Errors(input), base);
  if (!Array.isArray(input.blocks)) return problems;

  let paywalls = 0;
  input.blocks.forEach((block: unknown, index) => {
    const path = toFieldPath(base, `/blocks/${index}`);
    const shapeProblems = checkBlockShape(block, path);
    problems.push(...shapeProblems);
    if (shapeProblems.length > 0 || !wholeBlock.Check(block)) return;
    problems.push(...checkBlockRules(block, path));
    if (block.type === 'paywall' && ++paywalls > 1) {
      problems.push({
        field: path,
        message: 'is a second paywall marker: a body can have only one',
      });
    }
  });
  return problems;
}

/** "body.blocks[1].postId" + "must not be empty" → "in block 2, postId must not be empty". */
function toSentence({ field, message }: FieldProblem): string {
  const inBlock = /^body\.blocks\[(\d+)\]\.?(.*)$/u.exec(field);
  if (inBlock === null)
    return `${field === 'body' ? 'the body' : field.replace(/^body\./u, '')} ${message}`;
  const number = Number(inBlock[1]) + 1;
  const rest = inBlock[2] ?? '';
  return rest === '' ? `block ${number} ${message}` : `in block ${number}, ${rest} ${message}`;
}

/**
 * The one way into a `BodyDocument` from untrusted input (API request, stored JSON,
 * import). Throws `AppError('invalid_body')` listing each problem with its path.
 */
export function parseBody(input: unknown): BodyDocument {
  const problems = listBodyProblems(input);
  if (problems.length === 0 && wholeDocument.Check(input)) return input;

  const first = problems[0] ?? { field: 'body', message: 'is not a valid body document' };
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new AppError(
    'invalid_body',
    `The body can't be saved: ${toSentence(first)}${more}. Correct it and save again.`,
    problems.slice(0, MAX_REPORTED_PROBLEMS),
  );
}

/** A body with no blocks, for a new post. */
export function emptyBody(): BodyDocument {
  return { version: 1, blocks: [] };
}
