/**
 * Cyrillic to Latin letters for URLs. Ukrainian follows the national standard (Cabinet of
 * Ministers resolution 55 of 2010): є ї й ю я are "ye yi y yu ya" at the start of a word
 * and "ie i i iu ia" elsewhere, зг is "zgh" so it is not read as "zh", and the soft sign
 * and apostrophe vanish. Russian, Belarusian, Bulgarian and Serbian/Macedonian letters
 * follow their common passport-style romanisations. Which table a headline gets is decided
 * by the letters only one language has (see `detectCyrillicLanguage`).
 */

type Table = Readonly<Record<string, string>>;

const common: Table = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'yu',
  я: 'ya',
  ы: 'y',
  э: 'e',
  ё: 'yo',
  ъ: '',
  й: 'y',
  и: 'i',
  г: 'g',
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ў: 'u',
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
};

const ukrainian: Table = {
  ...common,
  г: 'h',
  и: 'y',
  е: 'e',
  щ: 'shch',
  х: 'kh',
  ц: 'ts',
};
/** Ukrainian letters written differently at the start of a word. */
const ukrainianInitial: Table = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };
const ukrainianInner: Table = { є: 'ie', ї: 'i', й: 'i', ю: 'iu', я: 'ia' };

const russian: Table = { ...common, е: 'e', и: 'i', й: 'y', ъ: '', ы: 'y' };
const belarusian: Table = { ...common, г: 'h', і: 'i', ў: 'u', ы: 'y' };
const bulgarian: Table = { ...common, щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya', й: 'y' };
const serbian: Table = { ...common, ж: 'z', ш: 's', ч: 'c', ц: 'c', х: 'h', ј: 'j', ћ: 'c' };

type Language = 'uk' | 'be' | 'bg' | 'sr' | 'ru';

/**
 * The language of a Cyrillic text, by the letters only one language has. Text with none of
 * them (e.g. "Новини дня") is taken as Ukrainian, the newsroom's first language.
 */
export function detectCyrillicLanguage(text: string): Language {
  const lower = text.toLowerCase();
  if (/ў/u.test(lower)) return 'be';
  if (/[ђјљњћџѓќѕ]/u.test(lower)) return 'sr';
  if (/[їєґ]/u.test(lower)) return 'uk';
  if (/і/u.test(lower)) return /[ыэё]/u.test(lower) ? 'be' : 'uk';
  if (/[ыэё]/u.test(lower)) return 'ru';
  // Bulgarian writes ъ as a vowel inside words.
  if (/ъ\p{Letter}/u.test(lower)) return 'bg';
  return 'uk';
}

const isCyrillic = (ch: string): boolean => /\p{Script=Cyrillic}/u.test(ch);
const isLetter = (ch: string | undefined): boolean =>
  ch !== undefined && /[\p{Letter}'’ʼ]/u.test(ch);

function withCase(latin: string, original: string): string {
  if (latin === '' || original === original.toLowerCase()) return latin;
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** The text with every Cyrillic letter in Latin; other characters are left as they are. */
export function transliterate(text: string): string {
  if (!/\p{Script=Cyrillic}/u.test(text)) return text;
  const language = detectCyrillicLanguage(text);
  const table = { uk: ukrainian, be: belarusian, bg: bulgarian, sr: serbian, ru: russian }[
    language
  ];
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const lower = ch.toLowerCase();
    if (!isCyrillic(ch)) {
      // The Ukrainian apostrophe (м'ясо) only separates sounds; it is not written.
      if (language === 'uk' && /['’ʼ]/u.test(ch) && isCyrillic(chars[i + 1] ?? '')) continue;
      out += ch;
      continue;
    }
    let latin = table[lower] ?? lower;
    if (language === 'uk') {
      const wordStart = !isLetter(chars[i - 1]);
      const positional = (wordStart ? ukrainianInitial : ukrainianInner)[lower];
      if (positional !== undefined) latin = positional;
      if (lower === 'г' && chars[i - 1]?.toLowerCase() === 'з') latin = 'gh';
    }
    out += withCase(latin, ch);
  }
  return out;
}
