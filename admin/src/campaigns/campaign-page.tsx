import { useEffect, useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type {
  CampaignBody,
  CampaignResource,
  CampaignResultsResource,
  VariantResource,
} from '../../../src/features/campaigns/campaign.resources.js';
import { useApp } from '../app/app-context.js';
import type { ScreenProps } from '../app/screens.js';
import { useResource } from '../app/use-resource.js';
import { Notice, SelectField, TextArea, TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { ProgressChart } from './campaign-chart.js';
import { percent, toCampaignBody } from './campaign-form.js';
import { CampaignPreview } from './campaign-preview.js';

type Message = { kind: 'success' | 'error'; text: string };
const placeholderHint =
  'Markdown; {goal}, {count}, {supporters} and {remaining} show live figures.';

function Results(props: { results: CampaignResultsResource; onChanged: () => void; id: string }) {
  const { api } = useApp();
  const act = async (path: string, body?: unknown) => {
    await api.send(body === undefined ? 'POST' : 'PATCH', path, body);
    props.onChanged();
  };
  return (
    <table class="campaign-results">
      <caption>Per-variant results (conversion rate with a 95 % Wilson interval)</caption>
      <thead>
        <tr>
          <th scope="col">Variant</th>
          <th scope="col">Impressions</th>
          <th scope="col">Clicks</th>
          <th scope="col">Conversions</th>
          <th scope="col">Conversion rate</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {props.results.variants.map((v) => (
          <tr key={v.variant_id}>
            <th scope="row">
              {v.placement}: {v.name} {v.status === 'stopped' ? '(stopped)' : ''}
            </th>
            <td>{v.impressions}</td>
            <td>{v.clicks}</td>
            <td>{v.conversions}</td>
            <td>
              {percent(v.conversion.rate)} ({percent(v.conversion.low)}–{percent(v.conversion.high)}
              )
            </td>
            <td>
              <button
                type="button"
                class="button-small"
                onClick={() =>
                  void act(`/campaigns/${props.id}/variants/${v.variant_id}`, {
                    status: v.status === 'running' ? 'stopped' : 'running',
                  })
                }
              >
                {v.status === 'running' ? 'Stop' : 'Resume'} {v.name}
              </button>{' '}
              <button
                type="button"
                class="button-small"
                onClick={() => void act(`/campaigns/${props.id}/variants/${v.variant_id}/promote`)}
              >
                Promote {v.name} as the winner
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function VariantEditor(props: {
  variant: VariantResource;
  onValue: (next: VariantResource) => void;
}) {
  const { variant } = props;
  return (
    <fieldset class="panel stack">
      <legend>
        {variant.placement}: {variant.name}
      </legend>
      <TextField
        label="Headline"
        value={variant.headline}
        onValue={(headline) => props.onValue({ ...variant, headline })}
      />
      <TextArea
        label="Copy"
        hint={placeholderHint}
        value={variant.body}
        onValue={(body) => props.onValue({ ...variant, body })}
      />
      <TextField
        label="Share of traffic (weight)"
        inputMode="text"
        value={String(variant.weight)}
        onValue={(weight) => props.onValue({ ...variant, weight: Number(weight) || 0 })}
      />
    </fieldset>
  );
}

/** One campaign: its settings, its copy variants with a live preview, and its results. */
export function CampaignPage({ params }: ScreenProps) {
  const { api } = useApp();
  const id = params.id ?? '';
  const [loaded, reload] = useResource(
    () =>
      Promise.all([
        api.get<{ campaign: CampaignResource }>(`/campaigns/${encodeURIComponent(id)}`),
        api.get<{ results: CampaignResultsResource }>(
          `/campaigns/${encodeURIComponent(id)}/results`,
        ),
      ]),
    `campaign ${id}`,
  );
  const [body, setBody] = useState<CampaignBody | null>(null);
  const [variants, setVariants] = useState<VariantResource[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  // Reset the form only when a new campaign arrives from the server, not on every render.
  const fresh = loaded.state === 'ready' ? loaded.value[0].campaign : null;
  useEffect(() => {
    if (fresh === null) return;
    setBody(toCampaignBody(fresh));
    setVariants(fresh.variants);
  }, [fresh]);

  const save = async (event: Event) => {
    event.preventDefault();
    if (body === null) return;
    try {
      await api.send('PUT', `/campaigns/${id}`, body);
      for (const v of variants) {
        await api.send('PATCH', `/campaigns/${id}/variants/${v.id}`, {
          headline: v.headline,
          body: v.body,
          weight: v.weight,
        });
      }
      setMessage({ kind: 'success', text: 'Saved. Readers see the change on their next page.' });
      reload();
    } catch (caught) {
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
  };
  const addVariant = async (placement: 'banner' | 'appeal' | 'newsletter') => {
    try {
      await api.send('POST', `/campaigns/${id}/variants`, {
        placement,
        name: `${placement} ${variants.filter((v) => v.placement === placement).length + 1}`,
        headline: 'Help us get {goal} new members',
        body: 'All thanks to {supporters} supporters.',
        weight: 1,
      });
      reload();
    } catch (caught) {
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
  };

  return (
    <Loaded resource={loaded} what="the campaign">
      {([{ campaign }, { results }]) => (
        <>
          <h1>{campaign.name}</h1>
          {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
          <p>
            {results.progress.count} of {results.progress.target} ({results.progress.phase}),{' '}
            {results.progress.supporters} supporters in all.{' '}
            <a href={`/campaigns/${campaign.slug}/thanks`}>Thank-you wall</a>
          </p>
          <h2>Progress over time</h2>
          <ProgressChart timeline={results.timeline} target={results.progress.target} />
          <h2>Results</h2>
          <Results results={results} onChanged={reload} id={id} />
          {body !== null && (
            <form class="stack" onSubmit={(event) => void save(event)}>
              <h2>Settings</h2>
              <TextField
                label="Name"
                value={body.name}
                onValue={(name) => setBody({ ...body, name })}
              />
              <SelectField
                label="What counts toward the goal"
                value={body.goal_kind}
                choices={[
                  { value: 'members', label: 'New members, gifts included' },
                  { value: 'paying_members', label: 'New paying members' },
                  { value: 'donations', label: 'Donations' },
                  { value: 'money', label: `Money raised (${body.currency}, in cents)` },
                ]}
                onValue={(v) => setBody({ ...body, goal_kind: v as CampaignBody['goal_kind'] })}
              />
              <TextField
                label="Goal"
                value={String(body.goal_target)}
                onValue={(v) => setBody({ ...body, goal_target: Number(v) || 1 })}
              />
              <SelectField
                label="At the goal"
                value={body.at_goal}
                choices={[
                  { value: 'stretch', label: 'Keep counting toward a stretch goal' },
                  { value: 'thank', label: 'Thank readers instead of asking' },
                  { value: 'end', label: 'End the campaign' },
                ]}
                onValue={(v) => setBody({ ...body, at_goal: v as CampaignBody['at_goal'] })}
              />
              <TextField
                label="Stretch goal"
                hint="Leave empty for none."
                value={body.stretch_target === null ? '' : String(body.stretch_target)}
                onValue={(v) => setBody({ ...body, stretch_target: v === '' ? null : Number(v) })}
              />
              <TextField
                label="Starts (UTC)"
                value={body.starts_at}
                onValue={(starts_at) => setBody({ ...body, starts_at })}
              />
              <TextField
                label="Ends (UTC)"
                value={body.ends_at}
                onValue={(ends_at) => setBody({ ...body, ends_at })}
              />
              <TextField
                label="Only in sections"
                hint="Section slugs, separated by commas; empty for every page."
                value={body.section_slugs.join(', ')}
                onValue={(v) =>
                  setBody({
                    ...body,
                    section_slugs: v
                      .split(',')
                      .map((s) => s.trim())
                      .filter(Boolean),
                  })
                }
              />
              <SelectField
                label="Who is asked"
                hint="Paying members who are not asked are thanked."
                value={body.ask_audiences.join(',')}
                choices={[
                  { value: 'anonymous,member', label: 'Anonymous readers and free members' },
                  { value: 'anonymous', label: 'Anonymous readers only' },
                  { value: 'member', label: 'Free members only' },
                ]}
                onValue={(v) =>
                  setBody({ ...body, ask_audiences: v.split(',') as CampaignBody['ask_audiences'] })
                }
              />
              <TextField
                label="Show the appeal at most this many times…"
                value={String(body.cap_views)}
                onValue={(v) => setBody({ ...body, cap_views: Number(v) || 0 })}
              />
              <TextField
                label="…in this many days"
                value={String(body.cap_days)}
                onValue={(v) => setBody({ ...body, cap_days: Number(v) || 0 })}
              />
              <TextField
                label="Thanks headline"
                value={body.thanks_headline}
                onValue={(thanks_headline) => setBody({ ...body, thanks_headline })}
              />
              <TextArea
                label="Thanks copy"
                hint={placeholderHint}
                value={body.thanks_body}
                onValue={(thanks_body) => setBody({ ...body, thanks_body })}
              />
              <h2>Copy variants</h2>
              {variants.map((variant) => (
                <VariantEditor
                  key={variant.id}
                  variant={variant}
                  onValue={(next) =>
                    setVariants(variants.map((v) => (v.id === next.id ? next : v)))
                  }
                />
              ))}
              <div class="actions">
                <button type="submit">Save the campaign</button>
                <button type="button" onClick={() => void addVariant('banner')}>
                  Add a banner variant
                </button>
                <button type="button" onClick={() => void addVariant('appeal')}>
                  Add an appeal variant
                </button>
                <button type="button" onClick={() => void addVariant('newsletter')}>
                  Add a newsletter variant
                </button>
              </div>
              <h2>Preview</h2>
              <CampaignPreview
                campaignId={id}
                variants={variants}
                thanksHeadline={body.thanks_headline}
                thanksBody={body.thanks_body}
                goalTarget={body.goal_target}
                stretchTarget={body.stretch_target}
              />
            </form>
          )}
        </>
      )}
    </Loaded>
  );
}
