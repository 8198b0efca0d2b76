import { describe, expect, it } from 'vitest';
import type { Block } from '../content/body/body.types.js';
import { applyLexicon } from './lexicon.js';
import { buildNarrationScript, scriptHash, splitScript } from './narration-script.js';
import { toSpokenText } from './spoken-text.js';

const text = (t: string) => [{ type: 'text' as const, text: t }];

function scriptOf(blocks: Block[], lexicon = [] as { term: string; say: string }[]) {
  return buildNarrationScript(
    {
      title: 'Trams return to Podil',
      authorNames: ['Olena Kovalenko', 'Taras Bondar', 'Iryna Melnyk'],
      standfirst: 'The line closed in 2019',
      body: { version: 1, blocks },
    },
    lexicon,
  ).paragraphs;
}

describe('the narration script', () => {
  it('says headline, byline and standfirst, then the body; skips what is not read aloud', () => {
    const paragraphs = scriptOf([
      { type: 'paragraph', content: text('The first tram ran at dawn') },
      {
        type: 'image',
        mediaId: null,
        src: '/a.jpg',
        alt: 'A tram',
        caption: 'The tram',
        credit: 'Photo: AP',
      },
      { type: 'embed', url: 'https://youtu.be/x', provider: 'youtube', title: 'Video' },
      { type: 'related', postId: 'p1' },
      { type: 'pullquote', text: 'Repeated words' },
      { type: 'divider' },
      { type: 'heading', level: 2, content: text('What comes next') },
      { type: 'paywall' },
    ]);
    expect(paragraphs).toEqual([
      'Trams return to Podil.',
      'By Olena Kovalenko, Taras Bondar and Iryna Melnyk.',
      'The line closed in twenty nineteen.',
      'The first tram ran at dawn.',
      'What comes next.',
    ]);
  });

  it('reads lists item by item and quotes with their source', () => {
    const paragraphs = scriptOf([
      { type: 'list', ordered: true, items: [text('buy tickets'), text('board')] },
      { type: 'list', ordered: false, items: [text('Podil'), text('Obolon!')] },
      { type: 'quote', content: text('We waited five years'), attribution: 'a resident' },
    ]).slice(3);
    expect(paragraphs).toEqual([
      'First, buy tickets. Second, board.',
      'Podil. Obolon!',
      'Quote: We waited five years. End of quote, from a resident.',
    ]);
  });

  it('says numbers, currency, percentages, dates, times and abbreviations', () => {
    expect(toSpokenText('The budget is $4.5m, up 12% on 2025.')).toBe(
      'The budget is four point five million dollars, up twelve percent on twenty twenty-five.',
    );
    expect(toSpokenText('Tickets cost €2.50 or 300 UAH; £1,200 in all.')).toBe(
      'Tickets cost two euros and fifty cents or three hundred hryvnias; one thousand two hundred pounds in all.',
    );
    expect(toSpokenText('On 2026-11-20 at 9:05 AM, and on 3 March at 19:30.')).toBe(
      'On the twentieth of November twenty twenty-six at nine oh five a.m., and on the third of March at nineteen thirty.',
    );
    expect(
      toSpokenText('Dr. Shevchenko met Mr. Li, e.g. at No. 5 on the 22nd, 10-12 km away.'),
    ).toBe(
      'Doctor Shevchenko met Mister Li, for example at number five on the twenty-second, ten to twelve kilometres away.',
    );
    expect(toSpokenText('Trains at 9:00 and in the 1990s; 1,204 people')).toBe(
      "Trains at nine o'clock and in the nineteen nineties; one thousand two hundred and four people",
    );
    expect(toSpokenText('F1 cars, MP3 files, a 4x4 and the G7')).toBe(
      'F one cars, MP three files, a four x four and the G seven',
    );
  });

  it('applies the lexicon to whole words in any case, longest first, before reading rules', () => {
    const lexicon = [
      { term: 'Kyiv', say: 'Keev' },
      { term: 'Kyiv Oblast', say: 'Keev region' },
      { term: 'NBU', say: 'National Bank of Ukraine' },
    ];
    expect(applyLexicon('In Kyiv Oblast and kyiv, not Kyivan. NBU!', lexicon)).toBe(
      'In Keev region and Keev, not Kyivan. National Bank of Ukraine!',
    );
    expect(scriptOf([{ type: 'paragraph', content: text('Kyiv in 2026') }], lexicon).at(-1)).toBe(
      'Keev in twenty twenty-six.',
    );
  });

  it('splits within the engine limit at paragraph, then sentence, then word boundaries', () => {
    const long = 'One sentence here. Another one follows! A third? '.repeat(5).trim();
    const parts = splitScript(['Short.', long, 'x'.repeat(10) + ' ' + 'y'.repeat(70)], 60);
    expect(parts.every((part) => part.length <= 60)).toBe(true);
    expect(parts[0]).toBe('Short.\n\nOne sentence here.\n\nAnother one follows!\n\nA third?');
    expect(parts[1]).toBe('One sentence here.\n\nAnother one follows!\n\nA third?');
    expect(parts.slice(-2)).toEqual([`${'x'.repeat(10)} ${'y'.repeat(49)}`, 'y'.repeat(21)]);
  });

  it('hashes what is said, by whom: the same words keep the same hash', () => {
    const base = { provider: 'flite', voice: 'slt', whole: ['A.'], preview: null };
    expect(scriptHash(base)).toBe(scriptHash({ ...base }));
    expect(scriptHash({ ...base, voice: 'rms' })).not.toBe(scriptHash(base));
    expect(scriptHash({ ...base, preview: ['A.'] })).not.toBe(scriptHash(base));
  });
});
