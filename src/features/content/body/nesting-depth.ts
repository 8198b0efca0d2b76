import type { ChildNode } from 'domhandler';
import { hasChildren } from 'domhandler';
import { AppError } from '../../../platform/errors.js';

/**
 * How deeply pasted HTML or Markdown may nest before it is refused. Real documents stay
 * far below it (a quote in a list in a quote is four levels); the converter walks the
 * tree recursively, so a limit keeps a hostile paste from exhausting the stack.
 */
export const maxNestingDepth = 64;

export function bodyTooDeep(): AppError {
  return new AppError(
    'body_too_deep',
    `This text is nested more than ${maxNestingDepth} levels deep (quotes, lists or ` +
      'elements inside one another). Flatten it and try again.',
    [{ field: 'body', message: `is nested more than ${maxNestingDepth} levels deep` }],
  );
}

/** The deepest element nesting under `nodes`, counted without recursion. */
export function measureDepth(nodes: readonly ChildNode[]): number {
  let deepest = 0;
  const stack: { node: ChildNode; depth: number }[] = nodes.map((node) => ({ node, depth: 1 }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (!hasChildren(item.node)) continue;
    deepest = Math.max(deepest, item.depth);
    for (const child of item.node.children) stack.push({ node: child, depth: item.depth + 1 });
  }
  return deepest;
}

/** Throws `body_too_deep` when the nodes nest deeper than a body may. */
export function ensureShallowEnough(nodes: readonly ChildNode[]): void {
  if (measureDepth(nodes) > maxNestingDepth) throw bodyTooDeep();
}
