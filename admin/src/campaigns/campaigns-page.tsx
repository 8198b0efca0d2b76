import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { CampaignResource } from '../../../src/features/campaigns/campaign.resources.js';
import { useApp } from '../app/app-context.js';
import { adminHref, navigate } from '../app/router.js';
import { useResource } from '../app/use-resource.js';
import { Notice, TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { newCampaignBody } from './campaign-form.js';

/** Campaigns: fundraising drives, newest first, and a way to start one. */
export function CampaignsPage() {
  const { api } = useApp();
  const [campaigns] = useResource(
    () => api.get<{ campaigns: CampaignResource[] }>('/campaigns'),
    'campaigns',
  );
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = async (event: Event) => {
    event.preventDefault();
    try {
      const created = await api.send<{ campaign: CampaignResource }>(
        'POST',
        '/campaigns',
        newCampaignBody(name),
      );
      navigate(`/campaigns/${created.campaign.id}`);
    } catch (caught) {
      setError(toMessage(caught));
    }
  };
  return (
    <>
      <h1>Campaigns</h1>
      <p>
        A campaign asks readers to support the newsroom toward a goal, with a banner on every page,
        an appeal after articles and a block for newsletters.
      </p>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <form class="stack panel" onSubmit={(event) => void create(event)}>
        <TextField label="Name of a new campaign" value={name} onValue={setName} required />
        <div class="actions">
          <button type="submit">Start a campaign</button>
        </div>
      </form>
      <h2>All campaigns</h2>
      <Loaded resource={campaigns} what="campaigns">
        {(found) =>
          found.campaigns.length === 0 ? (
            <p class="empty">No campaigns yet.</p>
          ) : (
            <ul class="card-list">
              {found.campaigns.map((campaign) => (
                <li key={campaign.id} class="card">
                  <h3>
                    <a href={adminHref(`/campaigns/${campaign.id}`)}>{campaign.name}</a>
                  </h3>
                  <p>
                    Goal {campaign.goal_target} ({campaign.goal_kind.replace('_', ' ')}),{' '}
                    {campaign.starts_at.slice(0, 10)} to {campaign.ends_at.slice(0, 10)}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
