import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { TierResource } from '../../../src/features/memberships/revenue.routes.js';
import { isApiError, toMessage } from '../api/api-client.js';
import { useApp } from '../app/app-context.js';
import { CheckboxField } from '../ui/checkbox-field.js';
import { Notice, TextArea, TextField } from '../ui/fields.js';
import {
  decideTierBody,
  newCurrencyDraft,
  toDraftProblems,
  toSlug,
  type CurrencyDraft,
  type DraftProblems,
  type TierDraft,
} from './tier-draft.js';

function CurrencyRow(props: {
  readonly row: CurrencyDraft;
  readonly problems: DraftProblems;
  readonly onValue: (row: CurrencyDraft) => void;
  readonly onRemove: (() => void) | null;
}) {
  const { row, problems } = props;
  const at = `currencies.${row.key}`;
  const code = row.currency.trim().toUpperCase() || 'a new currency';
  return (
    <fieldset class="panel stack">
      <legend>Prices in {code}</legend>
      <TextField
        label="Currency code"
        hint="Three letters, such as EUR, USD or GBP."
        maxLength={3}
        value={row.currency.toUpperCase()}
        error={problems[`${at}.currency`]}
        onValue={(currency) => props.onValue({ ...row, currency: currency.toLowerCase() })}
      />
      <TextField
        label={`Monthly amount (${code})`}
        hint="Leave empty for no monthly price."
        value={row.monthly}
        error={problems[`${at}.monthly`]}
        onValue={(monthly) => props.onValue({ ...row, monthly })}
      />
      <TextField
        label={`Yearly amount (${code})`}
        hint="Leave empty for no yearly price."
        value={row.yearly}
        error={problems[`${at}.yearly`]}
        onValue={(yearly) => props.onValue({ ...row, yearly })}
      />
      <CheckboxField
        label="Pay what you want"
        hint="The amounts above are then the least a reader pays; they may give more."
        checked={row.payWhatYouWant}
        onValue={(payWhatYouWant) => props.onValue({ ...row, payWhatYouWant })}
      />
      {props.onRemove !== null && (
        <div class="actions">
          <button type="button" class="button-small" onClick={props.onRemove}>
            Remove the {code} prices
          </button>
        </div>
      )}
    </fieldset>
  );
}

/**
 * Adds or changes a tier: name, benefits, prices per currency (monthly, yearly, pay what
 * you want), whether it is on offer, and its place on `/membership`. Problems show by each
 * field; the first one gets the focus, so a keyboard user lands where to fix it.
 */
export function TierForm(props: {
  readonly tierId: string | null;
  readonly initial: TierDraft;
  readonly onSaved: (tier: TierResource) => void;
  readonly onCancel: () => void;
}) {
  const { api } = useApp();
  const [draft, setDraft] = useState<TierDraft>(props.initial);
  const [problems, setProblems] = useState<DraftProblems>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [slugTouched, setSlugTouched] = useState(props.tierId !== null);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    if (Object.keys(problems).length === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  const setRow = (next: CurrencyDraft) =>
    setDraft({
      ...draft,
      currencies: draft.currencies.map((row) => (row.key === next.key ? next : row)),
    });

  const save = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const decided = decideTierBody(draft);
    if ('problems' in decided) {
      setProblems(decided.problems);
      return;
    }
    setProblems({});
    setSaving(true);
    try {
      const saved =
        props.tierId === null
          ? await api.send<{ tier: TierResource }>('POST', '/revenue/tiers', decided.body)
          : await api.send<{ tier: TierResource }>(
              'PUT',
              `/revenue/tiers/${encodeURIComponent(props.tierId)}`,
              decided.body,
            );
      props.onSaved(saved.tier);
    } catch (caught) {
      if (isApiError(caught) && caught.fields.length > 0) {
        setProblems(toDraftProblems(caught.fields, decided.origins));
      }
      setFailure(toMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  const count = Object.keys(problems).length;
  return (
    <form
      ref={form}
      class="stack"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => void save(event)}
    >
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        {props.tierId === null ? 'New tier' : `Edit ${props.initial.name}`}
      </h3>
      {count > 0 && (
        <Notice kind="error">
          {count === 1 ? 'One field needs' : `${count} fields need`} your attention.
        </Notice>
      )}
      {failure !== null && count === 0 && <Notice kind="error">{failure}</Notice>}
      <TextField
        label="Name"
        required
        maxLength={80}
        value={draft.name}
        error={problems.name}
        onValue={(name) =>
          setDraft({ ...draft, name, ...(slugTouched ? {} : { slug: toSlug(name) }) })
        }
      />
      <TextField
        label="Slug"
        hint="Lower-case letters, digits and hyphens; used in links and exports."
        maxLength={60}
        value={draft.slug}
        error={problems.slug}
        onValue={(slug) => {
          setSlugTouched(true);
          setDraft({ ...draft, slug });
        }}
      />
      <TextArea
        label="Benefits"
        hint="One benefit a line, as readers see them on the membership page."
        rows={4}
        value={draft.benefits}
        error={problems.benefits}
        onValue={(benefits) => setDraft({ ...draft, benefits })}
      />
      {problems.prices !== undefined && <Notice kind="error">{problems.prices}</Notice>}
      {draft.currencies.map((row) => (
        <CurrencyRow
          key={row.key}
          row={row}
          problems={problems}
          onValue={setRow}
          onRemove={
            draft.currencies.length > 1
              ? () =>
                  setDraft({
                    ...draft,
                    currencies: draft.currencies.filter((r) => r.key !== row.key),
                  })
              : null
          }
        />
      ))}
      <div class="actions">
        <button
          type="button"
          class="button-small"
          onClick={() =>
            setDraft({ ...draft, currencies: [...draft.currencies, newCurrencyDraft()] })
          }
        >
          Add prices in another currency
        </button>
      </div>
      <CheckboxField
        label="On offer"
        hint="Untick to archive the tier: its members keep paying, new readers no longer see it."
        checked={draft.active}
        onValue={(active) => setDraft({ ...draft, active })}
      />
      <TextField
        label="Order on the membership page"
        hint="Lower numbers come first."
        maxLength={4}
        value={draft.position}
        error={problems.position}
        onValue={(position) => setDraft({ ...draft, position })}
      />
      <div class="actions">
        <button type="submit" disabled={saving}>
          {props.tierId === null ? 'Add the tier' : 'Save the tier'}
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
