import { useState } from 'preact/hooks';
import type { NewsletterResource } from '../../../src/features/newsletters/newsletter.schemas.js';
import { isApiError, toMessage } from '../api/api-client.js';
import { useApp } from '../app/app-context.js';
import { CheckboxField } from '../ui/checkbox-field.js';
import { Notice, SelectField, TextArea, TextField } from '../ui/fields.js';
import {
  checkNewsletterForm,
  toSlug,
  type NewsletterFormField,
  type NewsletterFormValues,
} from './newsletter-checks.js';

const serverFields: Readonly<Record<string, NewsletterFormField>> = {
  name: 'name',
  slug: 'slug',
  description: 'description',
  author_name: 'authorName',
  sender_name: 'senderName',
  sender_email: 'senderEmail',
  reply_to: 'replyTo',
  cadence: 'cadence',
  sort_order: 'sortOrder',
};

const audiences: readonly { value: NewsletterResource['audience']; label: string }[] = [
  { value: 'everyone', label: 'Everyone' },
  { value: 'members', label: 'Members (free or paying)' },
  { value: 'paying', label: 'Paying members' },
];

function isAudience(value: string): value is NewsletterResource['audience'] {
  return audiences.some((a) => a.value === value);
}

function toValues(n: NewsletterResource | undefined): NewsletterFormValues {
  return {
    name: n?.name ?? '',
    slug: n?.slug ?? '',
    description: n?.description ?? '',
    authorName: n?.author_name ?? '',
    senderName: n?.sender_name ?? '',
    senderEmail: n?.sender_email ?? '',
    replyTo: n?.reply_to ?? '',
    cadence: n?.cadence ?? '',
    audience: n?.audience ?? 'everyone',
    active: (n?.status ?? 'active') === 'active',
    sortOrder: String(n?.sort_order ?? 0),
    briefing: n?.briefing ?? false,
  };
}

/**
 * Creates a newsletter, or edits one: name, slug, description, byline, sender and reply-to,
 * cadence, audience, whether readers see it, its place in lists, and the daily briefing.
 */
export function NewsletterForm(props: {
  readonly newsletter?: NewsletterResource;
  readonly onSaved: (saved: NewsletterResource) => void;
}) {
  const { api } = useApp();
  const editing = props.newsletter;
  const [values, setValues] = useState<NewsletterFormValues>(() => toValues(editing));
  const [slugTouched, setSlugTouched] = useState(editing !== undefined);
  const [problems, setProblems] = useState<Partial<Record<NewsletterFormField, string>>>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (patch: Partial<NewsletterFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const title = editing === undefined ? 'New newsletter' : `Edit ${editing.name}`;

  const save = async (event: Event) => {
    event.preventDefault();
    const found = checkNewsletterForm(values);
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setNotice({ kind: 'error', text: 'Please check the fields marked below.' });
      return;
    }
    const body = {
      name: values.name.trim(),
      slug: values.slug,
      description: values.description,
      author_name: values.authorName.trim(),
      sender_name: values.senderName,
      sender_email: values.senderEmail === '' ? null : values.senderEmail,
      reply_to: values.replyTo === '' ? null : values.replyTo,
      cadence: values.cadence,
      audience: values.audience,
      status: values.active ? ('active' as const) : ('archived' as const),
      sort_order: Number(values.sortOrder.trim()),
      briefing: values.briefing,
    };
    setBusy(true);
    try {
      const { newsletter } =
        editing === undefined
          ? await api.send<{ newsletter: NewsletterResource }>('POST', '/newsletters', body)
          : await api.send<{ newsletter: NewsletterResource }>(
              'PATCH',
              `/newsletters/${editing.id}`,
              body,
            );
      setNotice({ kind: 'success', text: `${newsletter.name} is saved.` });
      if (editing === undefined) {
        setValues(toValues(undefined));
        setSlugTouched(false);
      }
      props.onSaved(newsletter);
    } catch (error) {
      const fromServer: Partial<Record<NewsletterFormField, string>> = {};
      if (isApiError(error)) {
        for (const p of error.fields) {
          const field = serverFields[p.field];
          if (field !== undefined) fromServer[field] = `This ${p.message}.`;
        }
        if (error.code === 'slug_taken') fromServer.slug = error.message;
      }
      setProblems(fromServer);
      setNotice({ kind: 'error', text: toMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel stack" onSubmit={(e) => void save(e)} aria-label={title} noValidate>
      <h2>{title}</h2>
      {notice !== null && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <TextField
        label="Name"
        required
        maxLength={120}
        value={values.name}
        error={problems.name}
        onValue={(name) => change(slugTouched ? { name } : { name, slug: toSlug(name) })}
      />
      <TextField
        label="Slug"
        hint="Its sign-up page is /newsletters/ followed by this."
        required
        maxLength={100}
        value={values.slug}
        error={problems.slug}
        onValue={(slug) => {
          setSlugTouched(true);
          change({ slug });
        }}
      />
      <TextArea
        label="Description"
        maxLength={1000}
        value={values.description}
        error={problems.description}
        onValue={(description) => change({ description })}
      />
      <TextField
        label="Byline"
        hint="The correspondent who writes it, as readers see it (“by Maren Holloway”); empty for none."
        maxLength={120}
        value={values.authorName}
        error={problems.authorName}
        onValue={(authorName) => change({ authorName })}
      />
      <TextField
        label="Sender name"
        hint="The From name; the site's name when empty."
        maxLength={120}
        value={values.senderName}
        error={problems.senderName}
        onValue={(senderName) => change({ senderName })}
      />
      <TextField
        label="Sender address"
        type="email"
        hint="The From address; the site's address when empty."
        maxLength={254}
        value={values.senderEmail}
        error={problems.senderEmail}
        onValue={(senderEmail) => change({ senderEmail })}
      />
      <TextField
        label="Reply-to address"
        type="email"
        hint="Where readers’ replies go; the sender address when empty."
        maxLength={254}
        value={values.replyTo}
        error={problems.replyTo}
        onValue={(replyTo) => change({ replyTo })}
      />
      <TextField
        label="Cadence"
        hint="How often it comes, in words, such as “Every weekday at 7 a.m.”"
        maxLength={120}
        value={values.cadence}
        error={problems.cadence}
        onValue={(cadence) => change({ cadence })}
      />
      <SelectField
        label="Audience"
        hint="Who may subscribe. Members-only newsletters are offered to signed-in readers."
        value={values.audience}
        choices={audiences}
        onValue={(audience) => {
          if (isAudience(audience)) change({ audience });
        }}
      />
      <TextField
        label="Order"
        hint="Its place in lists on the reader site; lower numbers come first."
        inputMode="text"
        maxLength={5}
        value={values.sortOrder}
        error={problems.sortOrder}
        onValue={(sortOrder) => change({ sortOrder })}
      />
      <CheckboxField
        label="Active"
        hint="Untick to archive it: readers no longer see it or subscribe, and nothing is sent."
        checked={values.active}
        onValue={(active) => change({ active })}
      />
      <CheckboxField
        label="Daily briefing: draft an issue each morning from the previous day’s articles"
        hint="Drafted at 6 a.m. in the newsroom’s time zone, with the day’s key news feed entries."
        checked={values.briefing}
        onValue={(briefing) => change({ briefing })}
      />
      <div>
        <button type="submit" class="button-primary" disabled={busy}>
          {editing === undefined ? 'Create newsletter' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
