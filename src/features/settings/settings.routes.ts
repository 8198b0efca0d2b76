import type { FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { invalid, type FieldProblem } from '../../platform/errors.js';
import type { AppInstance } from '../../platform/http/app-instance.js';
import type { Actor } from '../staff/actor.js';
import { ensureCan } from '../staff/permissions.js';
import type { SettingsService } from './settings.service.js';
import type { SiteSettings } from './site-settings.js';

export interface SettingsRoutesDeps {
  readonly settings: Pick<SettingsService, 'getSiteSettings' | 'updateSiteSettings'>;
  /** True when the media library holds this id, for the logo. */
  readonly hasMedia: (id: string) => Promise<boolean>;
  readonly requireActor: (request: FastifyRequest) => Actor;
}

const NavigationItem = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 60 }),
    url: Type.String({
      minLength: 1,
      maxLength: 500,
      pattern: '^(/|https?://)',
      description: 'A path on this site (`/tag/city`) or an http(s) URL',
    }),
  },
  { additionalProperties: false },
);

const Social = Type.Object(
  {
    x: Type.String({ maxLength: 200 }),
    facebook: Type.String({ maxLength: 200 }),
    instagram: Type.String({ maxLength: 200 }),
  },
  { additionalProperties: false },
);

const SettingsResource = Type.Object({
  title: Type.String(),
  description: Type.String(),
  timezone: Type.String({ description: 'IANA time zone for dates shown to readers' }),
  locale: Type.String({ description: 'BCP 47 language tag, e.g. en-GB' }),
  logo_media_id: Type.Union([Type.Null(), Type.String()]),
  accent_color: Type.String(),
  navigation: Type.Array(NavigationItem),
  social: Social,
  allow_member_signups: Type.Boolean({
    description: 'Signing in with an unknown address creates a free member',
  }),
});

const SettingsChanges = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    locale: Type.Optional(Type.String({ minLength: 2, maxLength: 35 })),
    logo_media_id: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 64 })])),
    accent_color: Type.Optional(
      Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'A colour as #rrggbb' }),
    ),
    navigation: Type.Optional(Type.Array(NavigationItem, { maxItems: 12 })),
    social: Type.Optional(Type.Partial(Social)),
    allow_member_signups: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
type SettingsChanges = Static<typeof SettingsChanges>;

const SettingsEnvelope = Type.Object({ settings: SettingsResource });

function toSettingsResource(site: SiteSettings): Static<typeof SettingsResource> {
  return {
    title: site.title,
    description: site.description,
    timezone: site.timezone,
    locale: site.locale,
    logo_media_id: site.logoMediaId,
    accent_color: site.accentColor,
    navigation: site.navigation.map((item) => ({ label: item.label, url: item.url })),
    social: { ...site.social },
    allow_member_signups: site.allowMemberSignups,
  };
}

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Checks what the schema cannot, and turns the snake_case changes into the settings' own. */
async function toSiteChanges(
  body: SettingsChanges,
  current: SiteSettings,
  hasMedia: (id: string) => Promise<boolean>,
): Promise<Partial<SiteSettings>> {
  const problems: FieldProblem[] = [];
  if (body.locale !== undefined && !isLocale(body.locale)) {
    problems.push({ field: 'locale', message: 'use a language tag such as en-GB or uk' });
  }
  if (typeof body.logo_media_id === 'string' && !(await hasMedia(body.logo_media_id))) {
    problems.push({ field: 'logo_media_id', message: 'choose an image from the media library' });
  }
  if (problems.length > 0) throw invalid(problems);
  const changes: { -readonly [K in keyof SiteSettings]?: SiteSettings[K] } = {};
  if (body.title !== undefined) changes.title = body.title.trim();
  if (body.description !== undefined) changes.description = body.description.trim();
  if (body.timezone !== undefined) changes.timezone = body.timezone;
  if (body.locale !== undefined)
    changes.locale = Intl.getCanonicalLocales(body.locale)[0] ?? body.locale;
  if (body.logo_media_id !== undefined) changes.logoMediaId = body.logo_media_id;
  if (body.accent_color !== undefined) changes.accentColor = body.accent_color.toLowerCase();
  if (body.navigation !== undefined) {
    changes.navigation = body.navigation.map((item) => ({
      label: item.label.trim(),
      url: item.url,
    }));
  }
  if (body.social !== undefined) changes.social = { ...current.social, ...body.social };
  if (body.allow_member_signups !== undefined) {
    changes.allowMemberSignups = body.allow_member_signups;
  }
  return changes;
}

/** Site settings under `/api/admin`: every staff member reads them, administrators change them. */
export function settingsRoutes(deps: SettingsRoutesDeps) {
  const { settings, requireActor } = deps;
  const tags = ['settings'];

  return async (app: AppInstance): Promise<void> => {
    app.get(
      '/settings',
      {
        schema: { tags, summary: 'The site settings', response: { 200: SettingsEnvelope } },
      },
      async (request) => {
        ensureCan(requireActor(request), 'settings.read', 'see the site settings');
        return { settings: toSettingsResource(await settings.getSiteSettings()) };
      },
    );

    app.patch(
      '/settings',
      {
        schema: {
          tags,
          summary: 'Change site settings; readers see them on their next page',
          body: SettingsChanges,
          response: { 200: SettingsEnvelope },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        ensureCan(actor, 'settings.manage', 'change site settings');
        const current = await settings.getSiteSettings();
        const changes = await toSiteChanges(request.body, current, deps.hasMedia);
        // The service tells every process and the page cache, so the next page shows it.
        await settings.updateSiteSettings(actor, changes);
        return { settings: toSettingsResource(await settings.getSiteSettings()) };
      },
    );
  };
}
