/** One term of the pronunciation lexicon and how it is said. */
export interface LexiconEntry {
  readonly term: string;
  readonly say: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces each whole-word occurrence of a term (any letter case) with how it is said.
 * Longer terms win over shorter ones they contain ("Kyiv Oblast" before "Kyiv"), and a
 * replacement is never replaced again.
 */
export function applyLexicon(text: string, entries: readonly LexiconEntry[]): string {
  const usable = entries.filter((entry) => entry.term.trim() !== '');
  if (usable.length === 0) return text;
  const byTerm = new Map(usable.map((entry) => [entry.term.trim().toLowerCase(), entry.say]));
  const alternatives = [...byTerm.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, (found) => byTerm.get(found.toLowerCase()) ?? found);
}
