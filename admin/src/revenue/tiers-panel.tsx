import { useRef, useState } from 'preact/hooks';
import type { TierResource } from '../../../src/features/memberships/revenue.routes.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Notice } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { newTierDraft, toTierDraft } from './tier-draft.js';
import { TierForm } from './tier-form.js';

const money = (amount: number, currency: string): string =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(
    amount / 100,
  );

function priceList(tier: TierResource): string {
  if (tier.prices.length === 0) return 'no prices';
  return tier.prices
    .map(
      (p) =>
        `${money(p.amount, p.currency)} a ${p.interval}${p.pay_what_you_want ? ' or more' : ''}`,
    )
    .join(', ');
}

type Editing = { readonly tier: TierResource | null; readonly round: number } | null;

/** Tiers and prices: what `/membership` offers, in order, with a form to add or change one. */
export function TiersPanel() {
  const { api } = useApp();
  const [tiers, reload] = useResource(
    () => api.get<{ tiers: TierResource[] }>('/revenue/tiers'),
    'tiers',
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const status = useRef<HTMLDivElement>(null);

  const open = (tier: TierResource | null) => {
    setSaved(null);
    setEditing({ tier, round: (editing?.round ?? 0) + 1 });
  };
  const close = (message: string | null) => {
    setEditing(null);
    setSaved(message);
    // Back to where the staff member was: the list, with the news announced.
    requestAnimationFrame(() => status.current?.focus());
  };

  return (
    <section class="panel" aria-labelledby="revenue-tiers">
      <h2 id="revenue-tiers">Tiers and prices</h2>
      <div ref={status} tabIndex={-1}>
        {saved !== null && <Notice kind="success">{saved}</Notice>}
      </div>
      <Loaded resource={tiers} what="tiers">
        {({ tiers: list }) => (
          <>
            {list.length === 0 ? (
              <p>No tiers yet: readers see no memberships on offer.</p>
            ) : (
              <table>
                <caption class="visually-hidden">Tiers in the order readers see them</caption>
                <thead>
                  <tr>
                    <th scope="col">Order</th>
                    <th scope="col">Tier</th>
                    <th scope="col">Prices</th>
                    <th scope="col">Status</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((tier) => (
                    <tr key={tier.id}>
                      <td>{tier.position}</td>
                      <th scope="row">{tier.name}</th>
                      <td>{priceList(tier)}</td>
                      <td>{tier.active ? 'On offer' : 'Archived'}</td>
                      <td>
                        <button type="button" class="button-small" onClick={() => open(tier)}>
                          Edit {tier.name}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {editing === null ? (
              <div class="actions">
                <button type="button" onClick={() => open(null)}>
                  Add a tier
                </button>
              </div>
            ) : (
              <TierForm
                key={`${editing.tier?.id ?? 'new'}-${editing.round}`}
                tierId={editing.tier?.id ?? null}
                initial={
                  editing.tier === null
                    ? newTierDraft(list.reduce((n, t) => Math.max(n, t.position + 1), 0))
                    : toTierDraft(editing.tier)
                }
                onSaved={(tier) => {
                  reload();
                  close(`Saved ${tier.name}. The membership page shows it now.`);
                }}
                onCancel={() => close(null)}
              />
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
