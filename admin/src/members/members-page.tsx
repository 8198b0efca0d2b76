import { useState } from 'preact/hooks';
import type { MemberListResponse } from '../../../src/features/members/member.schemas.js';
import { hasAtLeast } from '../../../src/features/staff/role.js';
import { useApp, useUser } from '../app/app-context.js';
import { adminHref, navigate } from '../app/router.js';
import type { ScreenProps } from '../app/screens.js';
import { useResource } from '../app/use-resource.js';
import { SelectField, TextField } from '../ui/fields.js';
import { formatDateTime } from '../ui/format.js';
import { Loaded } from '../ui/loaded.js';
import { MemberCounts } from './member-counts.js';
import { statusChoices, statusLabel } from './member-status.js';

const filterNames = ['q', 'status', 'label', 'from', 'to'] as const;

/** Members: search, filter by status, label and sign-up dates, export what is shown. */
export function MembersPage({ query }: ScreenProps) {
  const { api } = useApp();
  const user = useUser();
  const [draft, setDraft] = useState(() =>
    Object.fromEntries(filterNames.map((name) => [name, query.get(name) ?? ''])),
  );
  const params = new URLSearchParams();
  for (const name of filterNames) {
    const value = query.get(name);
    if (value !== null && value !== '') params.set(name, value);
  }
  const page = Number(query.get('page') ?? '1') || 1;
  const listPath = `/members?${params.toString()}&page=${page}&limit=50`;
  const [list] = useResource(() => api.get<MemberListResponse>(listPath), listPath);

  const apply = (event: Event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of filterNames) if (draft[name] !== '') next.set(name, draft[name] ?? '');
    navigate(`/members?${next.toString()}`);
  };
  const set = (name: string) => (value: string) => setDraft({ ...draft, [name]: value });

  return (
    <>
      <div class="page-header">
        <h1>Members</h1>
        {hasAtLeast(user.role, 'administrator') && (
          <a class="button" href={adminHref('/members/import')}>
            Import from CSV
          </a>
        )}
      </div>
      <MemberCounts />
      <form class="panel stack" role="search" onSubmit={apply} aria-label="Find members">
        <TextField label="E-mail or name" type="search" value={draft.q ?? ''} onValue={set('q')} />
        <SelectField
          label="Status"
          value={draft.status ?? ''}
          choices={[{ value: '', label: 'Any status' }, ...statusChoices]}
          onValue={set('status')}
        />
        <TextField label="Label" value={draft.label ?? ''} onValue={set('label')} />
        <TextField
          label="Signed up from (YYYY-MM-DD)"
          value={draft.from ?? ''}
          onValue={set('from')}
        />
        <TextField label="Signed up to (YYYY-MM-DD)" value={draft.to ?? ''} onValue={set('to')} />
        <div class="actions">
          <button type="submit" class="button-primary">
            Find members
          </button>
          <a href={`/api/admin/members/export.csv?${params.toString()}`} download>
            Export these as CSV
          </a>
        </div>
      </form>
      <Loaded resource={list} what="members">
        {(found) => (
          <>
            <p role="status">
              {found.meta.total} {found.meta.total === 1 ? 'member' : 'members'}
            </p>
            <table class="table">
              <caption class="visually-hidden">Members</caption>
              <thead>
                <tr>
                  <th scope="col">E-mail</th>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Labels</th>
                  <th scope="col">Signed up</th>
                </tr>
              </thead>
              <tbody>
                {found.members.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">
                      <a href={adminHref(`/members/${encodeURIComponent(member.id)}`)}>
                        {member.email}
                      </a>
                    </th>
                    <td>{member.name}</td>
                    <td>{statusLabel(member.status)}</td>
                    <td>{member.labels.join(', ')}</td>
                    <td>{formatDateTime(member.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <nav class="actions" aria-label="Member pages">
              {page > 1 && (
                <a href={adminHref(`/members?${params.toString()}&page=${page - 1}`)}>Newer</a>
              )}
              {page * 50 < found.meta.total && (
                <a href={adminHref(`/members?${params.toString()}&page=${page + 1}`)}>Older</a>
              )}
            </nav>
          </>
        )}
      </Loaded>
    </>
  );
}
