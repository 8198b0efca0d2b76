import type { TLocalizedValidationError } from 'typebox/error';
import type { FieldProblem } from '../../../platform/errors.js';

/**
 * Turns TypeBox validation errors into `FieldProblem`s whose field is a path a person can
 * follow (`body.blocks[3].content[0].text`) and whose message says what to change.
 */

const numbers = new Intl.NumberFormat('en');

const ITEM_NOUNS: Record<string, string> = {
  blocks: 'blocks',
  items: 'list items',
  content: 'pieces of text',
  marks: 'marks',
};

const UNION_MESSAGES: Record<string, string> = {
  mediaId: 'must be a media library id, or null for an image from elsewhere',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

/** `/blocks/3/content` under `body` → `body.blocks[3].content`. */
export function toFieldPath(base: string, instancePath: string): string {
  let path = base;
  for (const raw of instancePath.split('/').slice(1)) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    path += /^\d+$/u.test(segment) ? `[${segment}]` : `.${segment}`;
  }
  return path;
}

function lastName(instancePath: string): string {
  const segments = instancePath.split('/').filter((segment) => !/^\d*$/u.test(segment));
  return segments.at(-1) ?? '';
}

function nounOf(instancePath: string): string {
  return ITEM_NOUNS[lastName(instancePath)] ?? 'items';
}

function describeType(expected: string | string[]): string {
  const names = (Array.isArray(expected) ? expected : [expected]).map(
    (name) => TYPE_NAMES[name] ?? name,
  );
  return `must be ${names.join(' or ')}`;
}

function describe(error: TLocalizedValidationError): string {
  switch (error.keyword) {
    case 'type':
      return describeType(error.params.type);
    case 'const':
      return `must be ${JSON.stringify(error.params.allowedValue)}`;
    case 'enum':
      return `must be one of ${error.params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'minLength':
      return error.params.limit === 1
        ? 'must not be empty'
        : `must be at least ${numbers.format(error.params.limit)} characters long`;
    case 'maxLength':
      return `is too long: it can have at most ${numbers.format(error.params.limit)} characters`;
    case 'minItems':
      return error.params.limit === 1
        ? 'must not be empty'
        : `needs at least ${numbers.format(error.params.limit)} ${nounOf(error.instancePath)}`;
    case 'maxItems':
      return `has too many ${nounOf(error.instancePath)}: at most ${numbers.format(error.params.limit)} are allowed`;
    default:
      return error.message;
  }
}

function isUnder(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

/** One problem per offending field; unions collapse into one message for their field. */
export function toFieldProblems(
  errors: readonly TLocalizedValidationError[],
  base: string,
): FieldProblem[] {
  const unionPaths = errors
    .filter((error) => error.keyword === 'anyOf')
    .map((error) => error.instancePath);
  const problems: FieldProblem[] = [];

  for (const error of errors) {
    if (error.keyword === 'anyOf') {
      const message = UNION_MESSAGES[lastName(error.instancePath)] ?? 'is not a valid value';
      problems.push({ field: toFieldPath(base, error.instancePath), message });
    } else if (unionPaths.some((path) => isUnder(error.instancePath, path))) {
      continue;
    } else if (error.keyword === 'required') {
      for (const property of error.params.requiredProperties) {
        problems.push({
          field: `${toFieldPath(base, error.instancePath)}.${property}`,
          message: 'is required',
        });
      }
    } else if (error.keyword === 'additionalProperties') {
      for (const property of error.params.additionalProperties) {
        problems.push({
          field: `${toFieldPath(base, error.instancePath)}.${property}`,
          message: 'is not allowed here',
        });
      }
    } else if (error.keyword !== 'boolean') {
      // `boolean` errors ("schema is false") repeat what `additionalProperties` says.
      problems.push({ field: toFieldPath(base, error.instancePath), message: describe(error) });
    }
  }
  return dedupe(problems);
}

function dedupe(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
