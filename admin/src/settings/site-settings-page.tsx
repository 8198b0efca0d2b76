import { useState } from 'preact/hooks';
import { toMessage } from '../api/api-client.js';
import type { NavigationLink, SiteSettingsResource } from '../api/resources.js';
import { useApp } from '../app/app-context.js';
import { useResource } from '../app/use-resource.js';
import { MediaPickerDialog } from '../media/media-picker-dialog.js';
import { Notice, SelectField, TextArea, TextField } from '../ui/fields.js';
import { Loaded } from '../ui/loaded.js';
import { NavigationEditor } from './navigation-editor.js';

function timeZones(current: string): string[] {
  const all = Intl.supportedValuesOf('timeZone');
  return all.includes(current) ? all : [current, ...all];
}

function SettingsForm({ initial }: { readonly initial: SiteSettingsResource }) {
  const { api } = useApp();
  const [settings, setSettings] = useState(initial);
  const [navigation, setNavigation] = useState<NavigationLink[]>(
    initial.navigation.map((n) => ({ ...n })),
  );
  const [picking, setPicking] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const set = (changes: Partial<SiteSettingsResource>) => setSettings({ ...settings, ...changes });
  const social = (name: keyof SiteSettingsResource['social'], value: string) =>
    set({ social: { ...settings.social, [name]: value } });

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      const saved = await api.send<{ settings: SiteSettingsResource }>('PATCH', '/settings', {
        ...settings,
        navigation: navigation.filter((n) => n.label.trim() !== '' || n.url.trim() !== ''),
      });
      setSettings(saved.settings);
      setMessage({ kind: 'success', text: 'Settings saved. Readers see them on their next page.' });
    } catch (caught) {
      setMessage({ kind: 'error', text: toMessage(caught) });
    }
  };

  return (
    <form class="stack" onSubmit={(event) => void save(event)}>
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      <section class="panel stack" aria-labelledby="site-identity">
        <h2 id="site-identity">The site</h2>
        <TextField
          label="Site title"
          required
          value={settings.title}
          onValue={(title) => set({ title })}
        />
        <TextArea
          label="Description"
          value={settings.description}
          onValue={(description) => set({ description })}
          rows={2}
        />
        <div class="field">
          <p class="field-label">Logo</p>
          <p>
            {settings.logo_media_id === null
              ? 'No logo: the site title is shown.'
              : `Image ${settings.logo_media_id}`}
          </p>
          <div class="actions">
            <button type="button" class="button-small" onClick={() => setPicking(true)}>
              Choose a logo
            </button>
            {settings.logo_media_id !== null && (
              <button
                type="button"
                class="button-small"
                onClick={() => set({ logo_media_id: null })}
              >
                Remove the logo
              </button>
            )}
          </div>
        </div>
        <TextField
          label="Accent colour"
          type="color"
          value={settings.accent_color}
          onValue={(accent_color) => set({ accent_color })}
        />
      </section>
      <section class="panel stack" aria-labelledby="site-locale">
        <h2 id="site-locale">Time and language</h2>
        <SelectField
          label="Time zone"
          hint="Dates on the site, and scheduling in the editor, use this time zone."
          value={settings.timezone}
          choices={timeZones(settings.timezone).map((zone) => ({ value: zone, label: zone }))}
          onValue={(timezone) => set({ timezone })}
        />
        <TextField
          label="Language"
          hint="A language tag such as en-GB or uk."
          value={settings.locale}
          onValue={(locale) => set({ locale })}
        />
      </section>
      <NavigationEditor links={navigation} onChange={setNavigation} />
      <section class="panel stack" aria-labelledby="site-social">
        <h2 id="site-social">Social accounts</h2>
        <TextField
          label="X account"
          hint="@name"
          value={settings.social.x}
          onValue={(v) => social('x', v)}
        />
        <TextField
          label="Facebook page"
          value={settings.social.facebook}
          onValue={(v) => social('facebook', v)}
        />
        <TextField
          label="Instagram account"
          value={settings.social.instagram}
          onValue={(v) => social('instagram', v)}
        />
      </section>
      <div class="actions">
        <button type="submit" class="button-primary">
          Save settings
        </button>
      </div>
      {picking && (
        <MediaPickerDialog
          title="Logo"
          onClose={() => setPicking(false)}
          onPick={(media) => {
            setPicking(false);
            set({ logo_media_id: media.id });
          }}
        />
      )}
    </form>
  );
}

/** The newsroom's site settings, for administrators. */
export function SiteSettingsPage() {
  const { api } = useApp();
  const [settings] = useResource(
    () => api.get<{ settings: SiteSettingsResource }>('/settings').then((r) => r.settings),
    'settings',
  );
  return (
    <>
      <h1>Site settings</h1>
      <Loaded resource={settings} what="the settings">
        {(found) => <SettingsForm initial={found} />}
      </Loaded>
    </>
  );
}
