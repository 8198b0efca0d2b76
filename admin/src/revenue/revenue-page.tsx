import type { DashboardResource } from '../../../src/features/memberships/revenue.routes.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { Loaded } from '../ui/loaded.js';
import { DailyBars } from './revenue-chart.js';
import { TiersPanel } from './tiers-panel.js';

interface GiftRow {
  readonly id: string;
  readonly status: string;
  readonly buyer_email: string;
  readonly recipient_name: string;
  readonly recipient_email: string;
  readonly months: number;
  readonly amount: number;
  readonly currency: string;
  readonly deliver_at: string;
  readonly redeemed_at: string | null;
}
interface DonationRow {
  readonly id: string;
  readonly status: string;
  readonly email: string;
  readonly note: string;
  readonly amount: number;
  readonly currency: string;
  readonly paid_at: string | null;
}

const money = (amount: number, currency: string): string =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency: currency.toUpperCase() }).format(
    amount / 100,
  );

function Dashboard({ dashboard }: { dashboard: DashboardResource }) {
  const series = (pick: (day: DashboardResource['days'][number]) => number) =>
    dashboard.days.map((day) => ({ date: day.date, value: pick(day) }));
  const mrr = Object.entries(dashboard.mrr);
  return (
    <>
      <p>
        <strong>{dashboard.active_paying_members}</strong> active paying members · Monthly recurring
        revenue:{' '}
        {mrr.length === 0
          ? 'none yet'
          : mrr.map(([currency, amount]) => money(amount, currency)).join(', ')}
      </p>
      <DailyBars id="chart-new" title="New paying members" days={series((d) => d.new_members)} />
      <DailyBars id="chart-lapsed" title="Lapsed members" days={series((d) => d.lapsed_members)} />
      <DailyBars id="chart-gifts" title="Gifts sold" days={series((d) => d.gifts_sold)} />
      <DailyBars
        id="chart-redeemed"
        title="Gifts redeemed"
        days={series((d) => d.gifts_redeemed)}
      />
      <DailyBars id="chart-donations" title="Donations" days={series((d) => d.donations)} />
      <p>
        <a href="/api/admin/revenue/dashboard.csv?days=90" download>
          Download the daily figures (CSV)
        </a>
      </p>
      <details>
        <summary>The figures as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">New</th>
              <th scope="col">Lapsed</th>
              <th scope="col">Gifts sold</th>
              <th scope="col">Gifts redeemed</th>
              <th scope="col">Donations</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{day.date}</th>
                <td>{day.new_members}</td>
                <td>{day.lapsed_members}</td>
                <td>{day.gifts_sold}</td>
                <td>{day.gifts_redeemed}</td>
                <td>{day.donations}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** Revenue: the dashboard, tiers and prices, gifts and donations. Administrators only. */
export function RevenuePage() {
  const { api } = useApp();
  const [dashboard] = useResource(
    () => api.get<{ dashboard: DashboardResource }>('/revenue/dashboard?days=90'),
    'dashboard',
  );
  const [gifts] = useResource(() => api.get<{ gifts: GiftRow[] }>('/revenue/gifts'), 'gifts');
  const [donations] = useResource(
    () => api.get<{ donations: DonationRow[] }>('/revenue/donations'),
    'donations',
  );
  return (
    <>
      <h1>Revenue</h1>
      <section class="panel" aria-labelledby="revenue-dashboard">
        <h2 id="revenue-dashboard">Last 90 days</h2>
        <Loaded resource={dashboard} what="the dashboard">
          {({ dashboard: d }) => <Dashboard dashboard={d} />}
        </Loaded>
      </section>
      <TiersPanel />
      <section class="panel" aria-labelledby="revenue-gifts">
        <h2 id="revenue-gifts">Gifts</h2>
        <Loaded resource={gifts} what="gifts">
          {({ gifts: list }) => (
            <table>
              <thead>
                <tr>
                  <th scope="col">For</th>
                  <th scope="col">From</th>
                  <th scope="col">Months</th>
                  <th scope="col">Paid</th>
                  <th scope="col">Delivery</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((gift) => (
                  <tr key={gift.id}>
                    <td>
                      {gift.recipient_name} ({gift.recipient_email})
                    </td>
                    <td>{gift.buyer_email}</td>
                    <td>{gift.months}</td>
                    <td>{money(gift.amount, gift.currency)}</td>
                    <td>{gift.deliver_at.slice(0, 10)}</td>
                    <td>{gift.status === 'paid' ? 'pending delivery' : gift.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </section>
      <section class="panel" aria-labelledby="revenue-donations">
        <h2 id="revenue-donations">Donations</h2>
        <Loaded resource={donations} what="donations">
          {({ donations: list }) => (
            <table>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">From</th>
                  <th scope="col">Amount</th>
                  <th scope="col">Note</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {list.map((donation) => (
                  <tr key={donation.id}>
                    <td>{donation.paid_at?.slice(0, 10) ?? ''}</td>
                    <td>{donation.email}</td>
                    <td>{money(donation.amount, donation.currency)}</td>
                    <td>{donation.note}</td>
                    <td>{donation.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loaded>
      </section>
    </>
  );
}
