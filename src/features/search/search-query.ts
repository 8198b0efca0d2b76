/**
 * What a reader typed, read as a search query in the style of web search engines:
 * words must all appear, "quoted words" must appear together, -word must not appear, and
 * `or` between two parts accepts either. Everything else (punctuation, `*`, `NEAR(`,
 * column filters, SQL) is only a word separator, so no input is a syntax error.
 */

/** One word or phrase; `words` are letters and digits only. */
export interface SearchClause {
  readonly words: readonly string[];
  readonly negated: boolean;
}

/** Alternatives joined by `or`; each alternative is a list of clauses that must all hold. */
export interface SearchQuery {
  readonly alternatives: readonly (readonly SearchClause[])[];
}

export const searchLimits = {
  /** Longest reader input considered; the rest is ignored. */
  maxInputChars: 200,
  maxClauses: 12,
  maxWordsPerPhrase: 8,
  maxWordChars: 60,
} as const;

const wordPattern = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return (text.match(wordPattern) ?? [])
    .slice(0, searchLimits.maxWordsPerPhrase)
    .map((word) => word.slice(0, searchLimits.maxWordChars));
}

type Token = { kind: 'or' } | { kind: 'clause'; clause: SearchClause };

function tokenise(input: string): Token[] {
  const tokens: Token[] = [];
  // A quoted phrase (an unclosed quote runs to the end), or a run of non-space characters.
  const pattern = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const match of input.matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    if (bare !== undefined && bare.toLowerCase() === 'or') {
      tokens.push({ kind: 'or' });
      continue;
    }
    const negated = minus === '-' || (bare?.startsWith('-') ?? false);
    const words = wordsOf(phrase ?? bare ?? '');
    if (words.length > 0) tokens.push({ kind: 'clause', clause: { words, negated } });
  }
  return tokens;
}

/** Reads reader input into a query; null when nothing in it can be searched for. */
export function parseSearchQuery(input: string): SearchQuery | null {
  const tokens = tokenise(input.slice(0, searchLimits.maxInputChars));
  const alternatives: SearchClause[][] = [[]];
  let clauses = 0;
  for (const token of tokens) {
    const current = alternatives[alternatives.length - 1] ?? [];
    if (token.kind === 'or') {
      if (current.length > 0) alternatives.push([]);
      continue;
    }
    if (clauses >= searchLimits.maxClauses) break;
    current.push(token.clause);
    clauses += 1;
  }
  // A part with nothing that must appear cannot be searched for on its own.
  const usable = alternatives.filter((part) => part.some((clause) => !clause.negated));
  return usable.length === 0 ? null : { alternatives: usable };
}

/**
 * The query in FTS5 syntax. Every word is a quoted string, so FTS5 keywords (`OR`, `NOT`,
 * `NEAR`) and column filters in the input are only words. Exclusions follow the rest as
 * `NOT`, which FTS5 allows only after something to exclude from.
 */
export function toFts5Query(query: SearchQuery): string {
  const quoted = (clause: SearchClause): string => `"${clause.words.join(' ')}"`;
  return query.alternatives
    .map((part) => {
      const wanted = part.filter((c) => !c.negated).map(quoted);
      const unwanted = part.filter((c) => c.negated).map(quoted);
      return `(${[`(${wanted.join(' ')})`, ...unwanted].join(' NOT ')})`;
    })
    .join(' OR ');
}

/**
 * The query in the syntax of PostgreSQL's `websearch_to_tsquery`, which never fails. Every
 * word or phrase is quoted, so a quoted "or" stays a word rather than becoming `or`.
 */
export function toWebSearchQuery(query: SearchQuery): string {
  return query.alternatives
    .map((part) => part.map((c) => `${c.negated ? '-' : ''}"${c.words.join(' ')}"`).join(' '))
    .join(' or ');
}
