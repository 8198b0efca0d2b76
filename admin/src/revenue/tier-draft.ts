import type { TierResource } from '../../../src/features/memberships/revenue.routes.js';
import type { FieldProblem } from '../api/api-client.js';

/** The prices of a tier in one currency, as the form shows them: text as typed. */
export interface CurrencyDraft {
  /** A stable key for the row while it is edited. */
  readonly key: string;
  readonly currency: string;
  /** Empty for no monthly price. */
  readonly monthly: string;
  /** Empty for no yearly price. */
  readonly yearly: string;
  /** The amounts are the least a reader pays; they may give more. */
  readonly payWhatYouWant: boolean;
}

/** The tier form's values, text as typed, until they are turned into the API's body. */
export interface TierDraft {
  readonly name: string;
  readonly slug: string;
  /** One benefit a line. */
  readonly benefits: string;
  readonly position: string;
  /** On offer on `/membership`; archived tiers keep their members but are not offered. */
  readonly active: boolean;
  readonly currencies: readonly CurrencyDraft[];
}

export type TierBody = Omit<TierResource, 'id'>;

/** Problems by field of the form: `name`, `slug`, `benefits`, `position`, `prices`,
 * `currencies.{key}.currency|monthly|yearly`. */
export type DraftProblems = Readonly<Record<string, string>>;

let keys = 0;
const nextKey = (): string => `currency-${(keys += 1)}`;

const toText = (amount: number): string => (amount / 100).toFixed(2);

export function newCurrencyDraft(currency = ''): CurrencyDraft {
  return { key: nextKey(), currency, monthly: '', yearly: '', payWhatYouWant: false };
}

export function newTierDraft(position: number): TierDraft {
  return {
    name: '',
    slug: '',
    benefits: '',
    position: String(position),
    active: true,
    currencies: [newCurrencyDraft('eur')],
  };
}

/** A saved tier in the form's shape: its prices grouped by currency. */
export function toTierDraft(tier: TierResource): TierDraft {
  const byCurrency = new Map<string, CurrencyDraft>();
  for (const price of tier.prices) {
    const row = byCurrency.get(price.currency) ?? newCurrencyDraft(price.currency);
    byCurrency.set(price.currency, {
      ...row,
      [price.interval === 'year' ? 'yearly' : 'monthly']: toText(price.amount),
      payWhatYouWant: row.payWhatYouWant || price.pay_what_you_want,
    });
  }
  return {
    name: tier.name,
    slug: tier.slug,
    benefits: tier.benefits.join('\n'),
    position: String(tier.position),
    active: tier.active,
    currencies: [...byCurrency.values()],
  };
}

/** A slug from a name: "Supporter plus" → `supporter-plus`. */
export function toSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
}

/** A typed amount ("5", "12.50", "12,5") in cents; null when it is not one. */
export function parseAmountText(text: string): number | null {
  const clean = text.trim().replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/u.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** Where each price of the body came from, to put the server's problems by the right field. */
type PriceOrigin = { readonly key: string; readonly field: 'monthly' | 'yearly' };

/**
 * The body the Admin API takes, or the problems to show by each field. Checks what the
 * form can know (amounts, codes, required fields); the server checks again and its
 * problems are placed by `toDraftProblems`.
 */
export function decideTierBody(
  draft: TierDraft,
): { body: TierBody; origins: readonly PriceOrigin[] } | { problems: DraftProblems } {
  const problems: Record<string, string> = {};
  const name = draft.name.trim();
  if (name === '') problems.name = 'Enter a name readers will see, such as Supporter.';
  if (!/^[a-z0-9][a-z0-9-]{0,59}$/u.test(draft.slug)) {
    problems.slug = 'Use lower-case letters, digits and hyphens, such as supporter.';
  }
  const position = Number(draft.position.trim());
  if (draft.position.trim() === '' || !Number.isInteger(position) || position < 0) {
    problems.position = 'Enter a whole number from 0; lower numbers come first.';
  } else if (position > 1000) {
    problems.position = 'Use a number up to 1000.';
  }
  const benefits = draft.benefits
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (benefits.length > 20) problems.benefits = 'List at most 20 benefits.';
  if (benefits.some((line) => line.length > 300)) {
    problems.benefits = 'Keep each benefit under 300 characters.';
  }
  const prices: TierBody['prices'][number][] = [];
  const origins: PriceOrigin[] = [];
  const seen = new Set<string>();
  for (const row of draft.currencies) {
    const at = `currencies.${row.key}`;
    const currency = row.currency.trim().toLowerCase();
    if (!/^[a-z]{3}$/u.test(currency)) {
      problems[`${at}.currency`] = 'Enter a three-letter currency code, such as EUR.';
    } else if (seen.has(currency)) {
      problems[`${at}.currency`] = 'This currency is listed twice; keep one row per currency.';
    }
    seen.add(currency);
    if (row.monthly.trim() === '' && row.yearly.trim() === '') {
      problems[`${at}.monthly`] = 'Enter a monthly or a yearly amount, or remove this currency.';
    }
    for (const field of ['monthly', 'yearly'] as const) {
      const text = row[field].trim();
      if (text === '') continue;
      const amount = parseAmountText(text);
      if (amount === null) {
        problems[`${at}.${field}`] = 'Enter an amount such as 5.00.';
      } else if (amount < 50) {
        problems[`${at}.${field}`] = 'Use an amount of at least 0.50.';
      } else {
        prices.push({
          interval: field === 'monthly' ? 'month' : 'year',
          currency,
          amount,
          pay_what_you_want: row.payWhatYouWant,
        });
        origins.push({ key: row.key, field });
      }
    }
  }
  if (draft.currencies.length === 0) problems.prices = 'Add at least one currency with a price.';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    body: { name, slug: draft.slug, benefits, position, active: draft.active, prices },
    origins,
  };
}

/** The server's problems (`prices.2.amount`) by the form's fields (`currencies.k.yearly`). */
export function toDraftProblems(
  fields: readonly FieldProblem[],
  origins: readonly PriceOrigin[],
): DraftProblems {
  const problems: Record<string, string> = {};
  for (const problem of fields) {
    const price = /^prices\.(\d+)(?:\.(\w+))?$/u.exec(problem.field);
    const origin = price === null ? undefined : origins[Number(price[1])];
    const field =
      origin === undefined
        ? problem.field
        : price?.[2] === 'currency'
          ? `currencies.${origin.key}.currency`
          : `currencies.${origin.key}.${origin.field}`;
    problems[field] = problem.message.charAt(0).toUpperCase() + problem.message.slice(1) + '.';
  }
  return problems;
}
