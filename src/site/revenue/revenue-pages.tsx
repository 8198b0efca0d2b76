import type { PaymentMethod } from '../../config/config.js';
import { formatGiftCode } from '../../features/memberships/gift-code.js';
import type { GiftRow } from '../../features/memberships/memberships.table.js';
import { formatMoney, giftMonths, type Tier } from '../../features/memberships/tier.js';
import type { FieldProblem } from '../../platform/errors.js';
import type { CheckoutAttribution } from '../../platform/payments/payment-event.js';
import { Notice } from '../members/member-pages.js';

const brandNames: Readonly<Record<PaymentMethod, string>> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  maestro: 'Maestro',
};

function BrandMark({ brand }: { brand: PaymentMethod }) {
  const name = brandNames[brand];
  const id = `card-${brand}`;
  return (
    <svg
      role="img"
      aria-labelledby={id}
      width="48"
      height="30"
      viewBox="0 0 48 30"
      class="card-brand"
    >
      <title id={id}>{name}</title>
      <rect
        width="48"
        height="30"
        rx="4"
        fill={brand === 'amex' ? '#1f72cd' : '#f4f4f4'}
        stroke="#999"
      />
      {brand === 'mastercard' || brand === 'maestro' ? (
        <>
          <circle cx="19" cy="15" r="8" fill="#eb001b" />
          <circle
            cx="29"
            cy="15"
            r="8"
            fill={brand === 'maestro' ? '#00a2e5' : '#f79e1b'}
            opacity="0.9"
          />
        </>
      ) : (
        <text
          x="24"
          y="19"
          text-anchor="middle"
          font-family="sans-serif"
          font-size="10"
          font-weight="bold"
          fill={brand === 'amex' ? '#fff' : '#1a1f71'}
        >
          {brand === 'amex' ? 'AMEX' : brand.toUpperCase()}
        </text>
      )}
    </svg>
  );
}

/** The accepted card brands, each an image with its name as the text alternative. */
export function CardBrands({ brands }: { brands: readonly PaymentMethod[] }) {
  if (brands.length === 0) return null;
  return (
    <p class="card-brands">
      We accept:{' '}
      {brands.map((brand) => (
        <BrandMark brand={brand} />
      ))}
    </p>
  );
}

export function TestModeNote({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <p class="form-notice" role="note">
      TEST MODE: payments here use the built-in test provider; no card is charged.
    </p>
  );
}

export function Problems({ problems }: { problems: readonly FieldProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <Notice kind="error">
      Please check:{' '}
      {problems
        .map((problem) => `${problem.field.replace(/_/g, ' ')} (${problem.message})`)
        .join('; ')}
      .
    </Notice>
  );
}

/** The appeal the reader came from, carried on to checkout with the form. */
export function AttributionInputs({ from }: { from: CheckoutAttribution | null }) {
  if (from === null) return null;
  return (
    <>
      <input type="hidden" name="campaign" value={from.campaignId} />
      <input type="hidden" name="variant" value={from.variantId} />
    </>
  );
}

/** `/membership`: each tier with its benefits and a form per price. */
export function Offers(props: {
  tiers: readonly Tier[];
  signedIn: boolean;
  from: CheckoutAttribution | null;
}) {
  if (props.tiers.length === 0) return <p>Memberships are not on offer yet.</p>;
  return (
    <>
      {props.tiers.map((tier) => (
        <section class="tier" aria-labelledby={`tier-${tier.slug}`}>
          <h2 id={`tier-${tier.slug}`}>{tier.name}</h2>
          {tier.benefits.length > 0 && (
            <ul>
              {tier.benefits.map((benefit) => (
                <li>{benefit}</li>
              ))}
            </ul>
          )}
          {tier.prices.map((price) => {
            const label = `${formatMoney(price.amount, price.currency)} ${price.interval === 'year' ? 'a year' : 'a month'}`;
            const idBase = `price-${price.id}`;
            return (
              <form class="form" method="post" action="/membership/checkout">
                <input type="hidden" name="price" value={price.id} />
                <AttributionInputs from={props.from} />
                {price.payWhatYouWant && (
                  <>
                    <label for={`${idBase}-amount`}>
                      Your amount ({price.currency.toUpperCase()}, at least{' '}
                      {formatMoney(price.amount, price.currency)})
                    </label>
                    <input
                      id={`${idBase}-amount`}
                      name="amount"
                      inputMode="decimal"
                      value={(price.amount / 100).toFixed(2)}
                    />
                  </>
                )}
                {!props.signedIn && (
                  <>
                    <label for={`${idBase}-email`}>E-mail address</label>
                    <input
                      id={`${idBase}-email`}
                      type="email"
                      name="email"
                      required
                      autocomplete="email"
                    />
                  </>
                )}
                <button type="submit" class="button">
                  {price.payWhatYouWant
                    ? `Join ${price.interval === 'year' ? 'yearly' : 'monthly'}`
                    : `Join for ${label}`}
                </button>
              </form>
            );
          })}
        </section>
      ))}
    </>
  );
}

export function GiftForm(props: {
  currencies: readonly { currency: string; monthly: number }[];
  signedIn: boolean;
  today: string;
  from: CheckoutAttribution | null;
}) {
  const first = props.currencies[0];
  return (
    <form class="form" method="post" action="/gift">
      <AttributionInputs from={props.from} />
      <fieldset>
        <legend>How long</legend>
        {giftMonths.map((months, index) => (
          <label>
            <input type="radio" name="months" value={String(months)} checked={index === 0} />{' '}
            {months} {months === 1 ? 'month' : 'months'}
            {first !== undefined && ` (${formatMoney(first.monthly * months, first.currency)})`}
          </label>
        ))}
      </fieldset>
      {props.currencies.length > 1 ? (
        <>
          <label for="gift-currency">Currency</label>
          <select id="gift-currency" name="currency">
            {props.currencies.map((c) => (
              <option value={c.currency}>{c.currency.toUpperCase()}</option>
            ))}
          </select>
        </>
      ) : (
        <input type="hidden" name="currency" value={first?.currency ?? ''} />
      )}
      <label for="gift-recipient-name">Recipient's name</label>
      <input id="gift-recipient-name" name="recipient_name" required maxLength={200} />
      <label for="gift-recipient-email">Recipient's e-mail address</label>
      <input
        id="gift-recipient-email"
        type="email"
        name="recipient_email"
        required
        maxLength={254}
      />
      <label for="gift-message">Message (optional)</label>
      <textarea id="gift-message" name="message" maxLength={1000} rows={3} />
      <label for="gift-deliver-on">Delivery date (leave empty to send it now)</label>
      <input id="gift-deliver-on" type="date" name="deliver_on" min={props.today} />
      <label for="gift-buyer-name">Your name</label>
      <input id="gift-buyer-name" name="buyer_name" maxLength={200} autocomplete="name" />
      {!props.signedIn && (
        <>
          <label for="gift-buyer-email">Your e-mail address (for the receipt)</label>
          <input
            id="gift-buyer-email"
            type="email"
            name="buyer_email"
            required
            autocomplete="email"
          />
        </>
      )}
      <button type="submit" class="button">
        Buy the gift
      </button>
    </form>
  );
}

export const donationPresets = [500, 1000, 2500, 5000] as const;

export function DonateForm(props: {
  currency: string;
  signedIn: boolean;
  from: CheckoutAttribution | null;
}) {
  return (
    <form class="form" method="post" action="/donate">
      <AttributionInputs from={props.from} />
      <input type="hidden" name="currency" value={props.currency} />
      <fieldset>
        <legend>Amount</legend>
        {donationPresets.map((amount, index) => (
          <label>
            <input type="radio" name="preset" value={String(amount)} checked={index === 1} />{' '}
            {formatMoney(amount, props.currency)}
          </label>
        ))}
        <label>
          <input type="radio" name="preset" value="custom" /> Another amount
        </label>
        <label for="donate-custom">Another amount ({props.currency.toUpperCase()})</label>
        <input id="donate-custom" name="custom" inputMode="decimal" maxLength={10} />
      </fieldset>
      <label for="donate-note">Note (optional)</label>
      <textarea id="donate-note" name="note" maxLength={500} rows={3} />
      <label for="donate-name">Your name (optional)</label>
      <input id="donate-name" name="name" maxLength={200} autocomplete="name" />
      {!props.signedIn && (
        <>
          <label for="donate-email">Your e-mail address (for the receipt)</label>
          <input id="donate-email" type="email" name="email" required autocomplete="email" />
        </>
      )}
      <button type="submit" class="button">
        Donate
      </button>
    </form>
  );
}

/** The printable gift card: what to hand over, and where to redeem it. */
export function GiftCard(props: {
  gift: GiftRow;
  siteTitle: string;
  siteUrl: string;
  expires: string;
}) {
  const { gift } = props;
  return (
    <article class="gift-card" aria-labelledby="gift-card-title">
      <h2 id="gift-card-title">
        A {gift.months}-month membership of {props.siteTitle} for {gift.recipient_name}
      </h2>
      {gift.buyer_name !== '' && <p>From {gift.buyer_name}</p>}
      {gift.message !== '' && <blockquote>{gift.message}</blockquote>}
      <p>
        Your code: <strong>{formatGiftCode(gift.code)}</strong>
      </p>
      <p>
        Redeem it at {props.siteUrl}/gift/redeem/{gift.code} before {props.expires}.
      </p>
    </article>
  );
}
