import type { Member } from '../../features/members/member.js';
import type { DisplayTime } from '../format-date.js';
import { CsrfField, Notice } from './member-pages.js';

export interface AccountView {
  readonly member: Member;
  readonly csrfToken: string;
  readonly membership: string;
  readonly renews: DisplayTime | null;
  readonly notice: string | null;
}

const statusWords: Readonly<Record<Member['status'], string>> = {
  free: 'Free member',
  paid: 'Paying member',
  gift: 'Gift membership',
  comped: 'Complimentary membership',
};

export function membershipText(member: Member, paying: boolean): string {
  if (!paying && member.status !== 'free')
    return `${statusWords.free} (your ${statusWords[member.status].toLowerCase()} has ended)`;
  return statusWords[member.status];
}

/** `/account`: who the member is, their membership, and what they can do with the account. */
export function AccountPage({ view }: { view: AccountView }) {
  const { member, csrfToken } = view;
  return (
    <>
      {view.notice !== null && <Notice kind="ok">{view.notice}</Notice>}
      <section aria-labelledby="membership-title">
        <h2 id="membership-title">Membership</h2>
        <p>{view.membership}</p>
        {view.renews !== null && (
          <p>
            Until <time datetime={view.renews.iso}>{view.renews.text}</time>
          </p>
        )}
        {member.status === 'paid' ? (
          <form method="post" action="/account/membership/portal">
            <CsrfField token={csrfToken} />
            <button type="submit" class="button">
              Manage card, plan or cancellation
            </button>
          </form>
        ) : (
          <p>
            <a href="/membership">Become a paying member</a>
          </p>
        )}
      </section>
      <section aria-labelledby="name-title">
        <h2 id="name-title">Your name</h2>
        <form class="form" method="post" action="/account/name">
          <CsrfField token={csrfToken} />
          <label for="account-name">Name</label>
          <input
            id="account-name"
            name="name"
            value={member.name}
            maxLength={200}
            autocomplete="name"
          />
          <button type="submit" class="button">
            Save name
          </button>
        </form>
      </section>
      <section aria-labelledby="email-title">
        <h2 id="email-title">E-mail address</h2>
        <p>You sign in with {member.email}.</p>
        <form class="form" method="post" action="/account/email">
          <CsrfField token={csrfToken} />
          <label for="account-email">New e-mail address</label>
          <input
            id="account-email"
            type="email"
            name="email"
            required
            maxLength={254}
            autocomplete="email"
          />
          <button type="submit" class="button">
            Send a confirmation link
          </button>
        </form>
      </section>
      <section aria-labelledby="devices-title">
        <h2 id="devices-title">Signing out</h2>
        <form method="post" action="/signout">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button">
            Sign out
          </button>
        </form>
        <form method="post" action="/account/sign-out-everywhere">
          <CsrfField token={csrfToken} />
          <button type="submit" class="button">
            Sign out everywhere
          </button>
        </form>
      </section>
      <section aria-labelledby="data-title">
        <h2 id="data-title">Your data</h2>
        <p>
          <a href="/account/data.json" download>
            Download my data
          </a>{' '}
          (JSON)
        </p>
        <p>
          <a href="/account/delete">Delete my account</a>
        </p>
      </section>
    </>
  );
}
