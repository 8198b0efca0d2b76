/** Numbers as words, so every engine reads them the same way. */

const ones = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const scales: readonly [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function underHundred(n: number): string {
  if (n < 20) return ones[n] ?? '';
  const unit = n % 10;
  return `${tens[Math.floor(n / 10)] ?? ''}${unit === 0 ? '' : `-${ones[unit] ?? ''}`}`;
}

function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return underHundred(rest);
  return `${ones[hundreds] ?? ''} hundred${rest === 0 ? '' : ` and ${underHundred(rest)}`}`;
}

/** A whole number in words: 1204 → "one thousand two hundred and four". */
export function integerToWords(value: number): string {
  if (!Number.isSafeInteger(value)) return String(value);
  if (value < 0) return `minus ${integerToWords(-value)}`;
  if (value === 0) return 'zero';
  const parts: string[] = [];
  let rest = value;
  for (const [size, name] of scales) {
    if (rest >= size) {
      parts.push(`${integerToWords(Math.floor(rest / size))} ${name}`);
      rest %= size;
    }
  }
  if (rest > 0)
    parts.push(parts.length > 0 && rest < 100 ? `and ${underThousand(rest)}` : underThousand(rest));
  return parts.join(' ');
}

/** "3.25" → "three point two five"; "1,200" → "one thousand two hundred". */
export function numberToWords(text: string): string {
  const [whole = '0', fraction] = text.replace(/,/g, '').split('.');
  const head = integerToWords(Number(whole));
  if (fraction === undefined || fraction === '') return head;
  // Digits only: ASCII, one code unit each.
  return `${head} point ${fraction
    .split('')
    .map((digit) => ones[Number(digit)] ?? digit)
    .join(' ')}`;
}

/** 2026 → "twenty twenty-six", 2005 → "two thousand and five", 1905 → "nineteen oh five". */
export function yearToWords(year: number): string {
  if (year >= 2000 && year < 2010) return integerToWords(year);
  const high = Math.floor(year / 100);
  const low = year % 100;
  if (low === 0) return `${underHundred(high)} hundred`;
  return `${underHundred(high)} ${low < 10 ? `oh ${ones[low] ?? ''}` : underHundred(low)}`;
}

const ordinalWords: Readonly<Record<string, string>> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** 1 → "first", 22 → "twenty-second", 100 → "one hundredth". */
export function ordinalToWords(value: number): string {
  const words = integerToWords(value);
  const match = /([a-z]+)$/.exec(words);
  const last = match?.[1] ?? '';
  const replaced =
    ordinalWords[last] ?? (last.endsWith('y') ? `${last.slice(0, -1)}ieth` : `${last}th`);
  return words.slice(0, words.length - last.length) + replaced;
}
