import type { Compilable, CompiledQuery, QueryExecutor } from 'kysely';
import type { Executor } from './database.js';

/** What a compiled query's parameter holds: a fixed value, or a value from this call. */
type Slot = { readonly fixed: unknown } | { readonly arg: number; readonly item: number | null };

interface Compiled {
  readonly query: CompiledQuery;
  readonly slots: readonly Slot[];
}

/** An argument of a compiled-once query: one value, or a list for `in`. */
type Arg = string | readonly string[];

type ArgSlot = Extract<Slot, { arg: number }>;

/** A value no caller passes: where it lands in the compiled query, that argument goes. */
function placeholder(arg: number, item: number | null): string {
  return `\u0000masthead-arg:${arg}:${item ?? ''}`;
}

/** The argument's shape: a list's length changes the SQL (`in (?, ?)`), a value's does not. */
function shapeOf(args: readonly Arg[]): string {
  return args.map((arg) => (typeof arg === 'string' ? '-' : String(arg.length))).join(',');
}

/**
 * A read query that Kysely builds and compiles once per database and shape, then runs with
 * each call's values. On SQLite, building and compiling a query costs more than running
 * it, and the reader pages run the same few on every render. `build` receives
 * placeholders for its arguments and may only put them in the query as values: it must
 * not branch on them or change them (a placeholder not found in the compiled query is an
 * error, found at the first call).
 */
export function compiledOnce<Args extends readonly Arg[], Row>(
  build: (db: Executor, ...args: Args) => Compilable<Row>,
): (db: Executor, ...args: Args) => Promise<Row[]> {
  const compiledByExecutor = new WeakMap<QueryExecutor, Map<string, Compiled>>();
  const compile = (db: Executor, args: Args): Compiled => {
    const known = new Map<string, ArgSlot>();
    const placeholders = args.map((arg, index) => {
      if (typeof arg === 'string') {
        known.set(placeholder(index, null), { arg: index, item: null });
        return placeholder(index, null);
      }
      return arg.map((_value, item) => {
        known.set(placeholder(index, item), { arg: index, item });
        return placeholder(index, item);
      });
    }) as unknown as Args;
    const query = build(db, ...placeholders).compile();
    const slots = query.parameters.map(
      (parameter): Slot =>
        (typeof parameter === 'string' ? known.get(parameter) : undefined) ?? { fixed: parameter },
    );
    const used = slots.filter((slot) => 'arg' in slot).length;
    const expected = args.reduce((n, arg) => n + (typeof arg === 'string' ? 1 : arg.length), 0);
    if (used !== expected) {
      throw new Error(`A compiled-once query used ${used} of its ${expected} arguments.`);
    }
    return { query, slots };
  };
  return async (db, ...args) => {
    const executor = db.getExecutor();
    let byShape = compiledByExecutor.get(executor);
    if (byShape === undefined) {
      byShape = new Map();
      compiledByExecutor.set(executor, byShape);
    }
    const shape = shapeOf(args);
    let compiled = byShape.get(shape);
    if (compiled === undefined) {
      compiled = compile(db, args);
      byShape.set(shape, compiled);
    }
    const parameters = compiled.slots.map((slot) => {
      if ('fixed' in slot) return slot.fixed;
      const arg = args[slot.arg];
      return slot.item === null ? arg : arg?.[slot.item];
    });
    const result = await db.executeQuery<Row>({ ...compiled.query, parameters });
    return result.rows;
  };
}
