import { useState } from 'preact/hooks';
import type { NewsletterResource } from '../../../src/features/newsletters/newsletter.schemas.js';
import { isApiError, toMessage } from '../api/api-client.js';
import { useApp } from '../app/app-context.js';
import { Notice, TextArea, TextField } from '../ui/fields.js';
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
  sender_name: 'senderName',
  sender_email: 'senderEmail',
  cadence: 'cadence',
};

function toValues(n: NewsletterResource | undefined): NewsletterFormValues {
  return {
    name: n?.name ?? '',
    slug: n?.slug ?? '',
    description: n?.description ?? '',
    senderName: n?.sender_name ?? '',
    senderEmail: n?.sender_email ?? '',
    cadence: n?.cadence ?? '',
    briefing: n?.briefing ?? false,
  };
}

/** Creates a newsletter, or edits one: name, slug, description, sender, cadence, briefing. */
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
      sender_name: values.senderName,
      sender_email: values.senderEmail === '' ? null : values.senderEmail,
      cadence: values.cadence,
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
        label="Cadence"
        hint="How often it comes, in words, such as “Every weekday at 7 a.m.”"
        maxLength={120}
        value={values.cadence}
        error={problems.cadence}
        onValue={(cadence) => change({ cadence })}
      />
      <div class="checks">
        <label>
          <input
            type="checkbox"
            checked={values.briefing}
            onChange={(event) => change({ briefing: event.currentTarget.checked })}
          />{' '}
          Daily briefing: draft an issue each morning from the previous day’s articles
        </label>
      </div>
      <div>
        <button type="submit" class="button-primary" disabled={busy}>
          {editing === undefined ? 'Create newsletter' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
