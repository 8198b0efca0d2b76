import { numberToWords, ordinalToWords, yearToWords } from './number-words.js';

/**
 * Written text as it is said: currency, percentages, dates, times, ordinals, years,
 * numbers and common abbreviations spelled out, so every engine reads them alike and
 * sensibly ("$4.5m" → "four point five million dollars").
 */

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const abbreviations: readonly [RegExp, string][] = [
  [/\bDr\.(?=\s+\p{Lu})/gu, 'Doctor'],
  [/\bMr\.(?=\s)/gu, 'Mister'],
  [/\bMrs\.(?=\s)/gu, 'Missus'],
  [/\bProf\.(?=\s)/gu, 'Professor'],
  [/\bSt\.(?=\s+\p{Lu})/gu, 'Saint'],
  [/\be\.g\.(?=\s|,)/giu, 'for example'],
  [/\bi\.e\.(?=\s|,)/giu, 'that is'],
  [/\betc\./giu, 'et cetera.'],
  [/\bvs\.?(?=\s)/giu, 'versus'],
  [/\bapprox\.(?=\s)/giu, 'approximately'],
  [/\bNo\.\s?(?=\d)/gu, 'number '],
  [/\bJan\.(?=\s)/gu, 'January'],
  [/\bFeb\.(?=\s)/gu, 'February'],
  [/\bAug\.(?=\s)/gu, 'August'],
  [/\bSept?\.(?=\s)/gu, 'September'],
  [/\bOct\.(?=\s)/gu, 'October'],
  [/\bNov\.(?=\s)/gu, 'November'],
  [/\bDec\.(?=\s)/gu, 'December'],
  [/\s&\s/gu, ' and '],
];

const currencies: Readonly<Record<string, readonly [string, string]>> = {
  $: ['dollar', 'dollars'],
  USD: ['dollar', 'dollars'],
  '€': ['euro', 'euros'],
  EUR: ['euro', 'euros'],
  '£': ['pound', 'pounds'],
  GBP: ['pound', 'pounds'],
  '₴': ['hryvnia', 'hryvnias'],
  UAH: ['hryvnia', 'hryvnias'],
};
const minorUnits: Readonly<Record<string, string>> = {
  dollar: 'cents',
  euro: 'cents',
  pound: 'pence',
  hryvnia: 'kopiykas',
};

const scaleWords: Readonly<Record<string, string>> = {
  k: 'thousand',
  thousand: 'thousand',
  m: 'million',
  mn: 'million',
  million: 'million',
  bn: 'billion',
  b: 'billion',
  billion: 'billion',
  tn: 'trillion',
  trillion: 'trillion',
};

const units: Readonly<Record<string, string>> = {
  km: 'kilometres',
  m: 'metres',
  cm: 'centimetres',
  kg: 'kilograms',
  km2: 'square kilometres',
  'km/h': 'kilometres an hour',
  mph: 'miles an hour',
  '°C': 'degrees Celsius',
  '°F': 'degrees Fahrenheit',
};

const number = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

function sayAmount(amount: string, scale: string | undefined, code: string): string {
  const [one, many] = currencies[code] ?? ['', ''];
  const scaleWord = scale === undefined ? undefined : scaleWords[scale.toLowerCase()];
  if (scaleWord !== undefined) return `${numberToWords(amount)} ${scaleWord} ${many}`;
  const [whole = '0', cents] = amount.replace(/,/g, '').split('.');
  const wholeWords = `${numberToWords(whole)} ${whole === '1' ? one : many}`;
  if (cents === undefined || /^0+$/.test(cents)) return wholeWords;
  const minor = minorUnits[one] ?? 'cents';
  return `${wholeWords} and ${numberToWords(cents.padEnd(2, '0').slice(0, 2))} ${minor}`;
}

function sayTime(hours: string, minutes: string, meridiem: string | undefined): string {
  const h = numberToWords(String(Number(hours)));
  const m = Number(minutes);
  const said =
    m === 0
      ? meridiem === undefined
        ? `${h} hundred`
        : h
      : `${h} ${m < 10 ? `oh ${numberToWords(String(m))}` : numberToWords(minutes)}`;
  if (meridiem === undefined) return m === 0 && Number(hours) < 13 ? `${h} o'clock` : said;
  return `${said} ${meridiem.toLowerCase().startsWith('a') ? 'a.m.' : 'p.m.'}`;
}

function sayDate(day: number, month: number, year: number): string | null {
  const name = months[month - 1];
  if (name === undefined || day < 1 || day > 31) return null;
  return `the ${ordinalToWords(day)} of ${name} ${yearToWords(year)}`;
}

/** Applies every reading rule to one paragraph. */
export function toSpokenText(text: string): string {
  let out = text;
  for (const [pattern, said] of abbreviations) out = out.replace(pattern, said);
  // Dates: 2026-11-20 and 20.11.2026.
  out = out.replace(
    /\b(\d{4})-(\d{2})-(\d{2})\b/g,
    (whole, y: string, m: string, d: string) => sayDate(Number(d), Number(m), Number(y)) ?? whole,
  );
  out = out.replace(
    /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g,
    (whole, d: string, m: string, y: string) => sayDate(Number(d), Number(m), Number(y)) ?? whole,
  );
  // "20 November" → "the twentieth of November"; "November 20" → "November the twentieth".
  const monthNames = months.join('|');
  out = out.replace(
    new RegExp(String.raw`\b(\d{1,2})\s+(${monthNames})\b`, 'g'),
    (_w, d: string, m: string) => `the ${ordinalToWords(Number(d))} of ${m}`,
  );
  out = out.replace(
    new RegExp(String.raw`\b(${monthNames})\s+(\d{1,2})\b(?!:|\d)`, 'g'),
    (_w, m: string, d: string) => `${m} the ${ordinalToWords(Number(d))}`,
  );
  // Times: 9:05, 19:30, 9:00 AM.
  out = out.replace(
    /\b([01]?\d|2[0-3]):([0-5]\d)(?:\s?([AaPp])\.?[Mm]\.?)?/g,
    (_w, h: string, m: string, ap: string | undefined) => sayTime(h, m, ap),
  );
  // Currency: $4.5m, €20, £1,200.50, ₴300, 300 UAH.
  out = out.replace(
    new RegExp(
      String.raw`([$€£₴])\s?(${number})(?:\s?(k|m|mn|bn|b|tn|thousand|million|billion|trillion)\b)?`,
      'gi',
    ),
    (_w, symbol: string, amount: string, scale: string | undefined) =>
      sayAmount(amount, scale, symbol),
  );
  out = out.replace(
    new RegExp(
      String.raw`\b(${number})(?:\s?(thousand|million|billion|trillion))?\s?(USD|EUR|GBP|UAH)\b`,
      'g',
    ),
    (_w, amount: string, scale: string | undefined, code: string) => sayAmount(amount, scale, code),
  );
  out = out.replace(
    new RegExp(
      String.raw`\b(USD|EUR|GBP|UAH)\s?(${number})(?:\s?(thousand|million|billion|trillion)\b)?`,
      'g',
    ),
    (_w, code: string, amount: string, scale: string | undefined) => sayAmount(amount, scale, code),
  );
  out = out.replace(
    new RegExp(String.raw`(${number})\s?%`, 'g'),
    (_w, n: string) => `${numberToWords(n)} percent`,
  );
  out = out.replace(/\b(\d+)(st|nd|rd|th)\b/g, (_w, n: string) => ordinalToWords(Number(n)));
  // Ranges: 10-12 → "10 to 12" (years and other numbers follow below).
  out = out.replace(/\b(\d+)\s?[–-]\s?(\d+)\b/g, '$1 to $2');
  // Units after a number.
  out = out.replace(
    new RegExp(String.raw`(${number})\s?(km/h|km2|km|cm|kg|mph|°C|°F|m)(?![\p{L}\d])`, 'gu'),
    (_w, n: string, unit: string) => `${n} ${units[unit] ?? unit}`,
  );
  // Years, then every other number.
  out = out.replace(
    /(?<![\d.,])(1[1-9]\d\d|20\d\d)(?![\d.,]\d)(s?)/g,
    (_w, y: string, plural: string) =>
      plural === 's' ? `${yearToWords(Number(y)).replace(/y$/, 'ie')}s` : yearToWords(Number(y)),
  );
  // A number inside a name or code ("F1", "MP3", "4x4") is its own word: "F one".
  out = out.replace(
    new RegExp(String.raw`(?<=(\p{L})?)(?<![\d.])(${number})(?![\d])(?=(\p{L})?)`, 'gu'),
    (_w, before: string | undefined, n: string, after: string | undefined) =>
      `${before === undefined ? '' : ' '}${numberToWords(n)}${after === undefined ? '' : ' '}`,
  );
  return out.replace(/\s+/g, ' ').trim();
}
