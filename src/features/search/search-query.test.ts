import { describe, expect, it } from 'vitest';
import { parseSearchQuery, toFts5Query, toWebSearchQuery } from './search-query.js';

const fts5 = (input: string): string | null => {
  const query = parseSearchQuery(input);
  return query === null ? null : toFts5Query(query);
};
const websearch = (input: string): string | null => {
  const query = parseSearchQuery(input);
  return query === null ? null : toWebSearchQuery(query);
};

describe('reading a reader’s search text', () => {
  it('requires every word, each quoted so FTS5 reads it as a plain string', () => {
    expect(fts5('night trains')).toBe('(("night" "trains"))');
    expect(websearch('night trains')).toBe('"night" "trains"');
  });

  it('keeps a quoted phrase together and excludes a word after a minus', () => {
    expect(fts5('"night train" -bus')).toBe('(("night train") NOT "bus")');
    expect(websearch('"night train" -bus')).toBe('"night train" -"bus"');
  });

  it('reads or between two parts as either', () => {
    expect(fts5('tram OR ferry strike')).toBe('(("tram")) OR (("ferry" "strike"))');
    expect(websearch('tram or ferry strike')).toBe('"tram" or "ferry" "strike"');
  });

  it('turns FTS5 operators, column filters and SQL into plain words', () => {
    expect(fts5('NEAR(a b) title:harbour')).toBe('(("NEAR a" "b" "title harbour"))');
    expect(fts5("x')-- drop")).toBe('(("x" "drop"))');
    expect(fts5('harbour*')).toBe('(("harbour"))');
  });

  it('runs an unclosed quote to the end of the text', () => {
    expect(fts5('"unclosed harbour')).toBe('(("unclosed harbour"))');
  });

  it('keeps letters of every script and drops accents to the database', () => {
    expect(websearch('Київ café')).toBe('"Київ" "café"');
  });

  it('finds nothing to search for in punctuation, a lone or, or only exclusions', () => {
    for (const input of ['', '   ', '"', '*', '- -', 'OR', 'or or', '-harbour', '""']) {
      expect(parseSearchQuery(input), input).toBeNull();
    }
  });

  it('drops an or with nothing on one side', () => {
    expect(fts5('or tram or')).toBe('(("tram"))');
  });

  it('searches for at most twelve words', () => {
    const words = Array.from({ length: 20 }, (_, n) => `w${n}`).join(' ');
    expect(fts5(words)?.match(/"/g)).toHaveLength(24);
  });
});
