import { describe, expect, it } from 'vitest';
import { decideSnippet, hitEnd, hitStart, toMarkedHtml } from './search-snippet.js';

const hit = (word: string): string => `${hitStart}${word}${hitEnd}`;

describe('search snippets as HTML', () => {
  it('puts each hit in <mark> and escapes everything else', () => {
    expect(toMarkedHtml(`a <b>&"'s ${hit('train')}`)).toBe(
      'a &lt;b&gt;&amp;&quot;&#39;s <mark>train</mark>',
    );
  });

  it('stays well formed when the marks do not pair up', () => {
    expect(toMarkedHtml(`${hitEnd}x ${hitStart}y ${hitStart}z`)).toBe('x <mark>y z</mark>');
  });

  it('prefers the body where it has a hit, then the standfirst', () => {
    const standfirst = `A ${hit('train')} story.`;
    expect(decideSnippet({ standfirst, body: `The ${hit('train')} left.` }, true)).toBe(
      `The ${hit('train')} left.`,
    );
    expect(decideSnippet({ standfirst, body: 'No hit here.' }, true)).toBe(standfirst);
    expect(decideSnippet({ standfirst: 'Summary.', body: 'Body.' }, true)).toBe('Summary.');
    expect(decideSnippet({ standfirst: '', body: 'Body.' }, true)).toBe('Body.');
  });

  it('never shows the body of a post that is not public', () => {
    expect(decideSnippet({ standfirst: 'Summary.', body: `Locked ${hit('train')}.` }, false)).toBe(
      'Summary.',
    );
  });
});
