import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { describeEachEngine } from '../../../test/support/test-database.js';
import { systemActor } from '../staff/actor.js';
import { signInAsMember } from '../members/test-support/member-sign-in.js';
import type { CampaignResource, CampaignResultsResource } from './campaign.resources.js';
import { birthdayCampaignBody, recordTestContribution } from './test-support/campaign-fixtures.js';

function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}

describeEachEngine('campaigns', (ctx) => {
  let t: TestApp;
  let admin: string;
  let slug: string;
  let campaign: CampaignResource;

  beforeAll(async () => {
    t = await createTestApp(ctx.handle);
    admin = (await t.tokenFor('administrator')).token;
    const author = await t.tokenFor('author');
    const post = await t.services.posts.createPost(systemActor, {
      title: 'The harbour budget, line by line',
      markdown: 'The council met on Monday.',
      authors: [author.slug],
      status: 'published',
    });
    slug = post.slug;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: { authorization: `Bearer ${admin}` },
      payload: birthdayCampaignBody(),
    });
    expect(created.statusCode, created.body).toBe(201);
    campaign = created.json<{ campaign: CampaignResource }>().campaign;
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const variantOf = (placement: string) => {
    const found = campaign.variants.find((v) => v.placement === placement);
    if (found === undefined) throw new Error(`No ${placement} variant.`);
    return found;
  };

  it('shows the banner and the appeal with the goal and progress to an anonymous reader', async () => {
    const page = await get(`/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Three years of reporting, funded by our readers');
    expect(page.body).toContain('Help us get 1,000 new members!');
    expect(page.body).toMatch(/<progress[^>]*max="1000"[^>]*value="0"/u);
    expect(page.body).toContain('href="/campaigns/');
    // The same page for every anonymous reader, from the cache, purgeable by campaign figures.
    expect(String(page.headers['cache-control'])).toContain('public');
    expect((await get(`/${slug}`)).headers['x-cache']).toBe('HIT');
  });

  it('counts a recorded contribution on the next page view and in the live figures', async () => {
    const before = await get(`/campaigns/${campaign.id}/live.json`);
    expect(before.json()).toMatchObject({ figures: { count: '0', goal: '1,000' } });
    expect(String(before.headers['cache-control'])).toBe('public, max-age=5');
    await recordTestContribution(t, {
      memberId: 'member-1',
      attribution: { campaignId: campaign.id, variantId: variantOf('appeal').id },
      wall: { firstName: 'Olena', city: 'Kyiv' },
    });
    t.clock.advance(3_000);
    const page = await get(`/${slug}`);
    expect(page.headers['x-cache']).not.toBe('HIT');
    expect(page.body).toMatch(/<progress[^>]*value="1"/u);
    const after = await get(`/campaigns/${campaign.id}/live.json`);
    expect(after.json()).toMatchObject({ figures: { count: '1', supporters: '1' } });
  });

  it('counts only the goal’s kind inside the window, and supporters across all time', async () => {
    await recordTestContribution(t, { kind: 'donation', memberId: 'member-2' });
    await recordTestContribution(t, {
      kind: 'gift',
      occurredAt: new Date('2026-10-01T00:00:00.000Z'),
    });
    t.clock.advance(3_000);
    const live = (await get(`/campaigns/${campaign.id}/live.json`)).json<{
      figures: { count: string; supporters: string };
    }>();
    expect(live.figures).toMatchObject({ count: '1', supporters: '3' });
  });

  it('sends a click on to checkout with the campaign and variant, and only there', async () => {
    const variant = variantOf('banner');
    const click = await get(`/campaigns/${campaign.id}/click?variant=${variant.id}&to=membership`);
    expect(click.statusCode).toBe(303);
    expect(click.headers.location).toBe(
      `/membership?campaign=${campaign.id}&variant=${variant.id}`,
    );
    const elsewhere = await get(
      `/campaigns/${campaign.id}/click?variant=${variant.id}&to=https://evil.test`,
    );
    expect(elsewhere.statusCode).toBe(400);
  });

  it('counts impressions, clicks and conversions per variant, with a confidence interval', async () => {
    const appeal = variantOf('appeal');
    const banner = variantOf('banner');
    const sent = await t.app.inject({
      method: 'POST',
      url: `/campaigns/${campaign.id}/impressions`,
      payload: { variants: [appeal.id, banner.id, 'unknown-variant'] },
    });
    expect(sent.statusCode).toBe(204);
    const tooMany = await t.app.inject({
      method: 'POST',
      url: `/campaigns/${campaign.id}/impressions`,
      payload: { variants: Array.from({ length: 21 }, (_v, i) => `v${i}`) },
    });
    expect(tooMany.statusCode).toBe(400);
    const results = (
      await get(`/api/admin/campaigns/${campaign.id}/results`, {
        authorization: `Bearer ${admin}`,
      })
    ).json<{ results: CampaignResultsResource }>().results;
    const ofAppeal = results.variants.find((v) => v.variant_id === appeal.id);
    const ofBanner = results.variants.find((v) => v.variant_id === banner.id);
    expect(ofAppeal).toMatchObject({ impressions: 1, clicks: 0, conversions: 1 });
    expect(ofBanner).toMatchObject({ impressions: 1, clicks: 1, conversions: 0 });
    expect(ofAppeal?.conversion.high).toBeLessThanOrEqual(1);
    expect(results.progress).toMatchObject({ count: 1, target: 1000 });
    expect(results.timeline).toEqual([{ day: '2026-11-20', total: 1 }]);
  });

  it('thanks a paying member instead of asking', async () => {
    await t.services.members.importMembers(
      systemActor,
      'email,name,labels,status\npaying@reader.test,Paying Reader,,comped',
      false,
    );
    const cookies = await signInAsMember(t, admin, 'paying@reader.test');
    const page = await get(`/${slug}`, { cookie: cookieHeader(cookies) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Thank you for making this possible');
    expect(page.body).not.toContain('Become a member');
    const anonymous = await get(`/${slug}`);
    expect(anonymous.body).toContain('Become a member');
  });

  it('lists supporters who agreed on the thank-you wall, newest first', async () => {
    await recordTestContribution(t, { memberId: 'member-3', wall: { firstName: '', city: '' } });
    const wall = await get('/campaigns/birthday/thanks');
    expect(wall.statusCode).toBe(200);
    const olena = wall.body.indexOf('Olena');
    const anonymous = wall.body.indexOf('Anonymous');
    expect(olena).toBeGreaterThan(0);
    expect(anonymous).toBeGreaterThan(0);
    expect(anonymous).toBeLessThan(olena);
    expect(wall.body).toContain('Kyiv');
  });

  it('lets an editor stop a variant and promote the winner', async () => {
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${campaign.id}/variants`,
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        placement: 'appeal',
        name: 'Plain',
        headline: 'Support us',
        body: 'Join.',
        weight: 1,
      },
    });
    expect(added.statusCode).toBe(201);
    const plain = added
      .json<{ campaign: CampaignResource }>()
      .campaign.variants.find((v) => v.name === 'Plain');
    expect(plain).toBeDefined();
    const promoted = await t.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${campaign.id}/variants/${plain?.id ?? ''}/promote`,
      headers: { authorization: `Bearer ${admin}` },
    });
    const variants = promoted.json<{ campaign: CampaignResource }>().campaign.variants;
    expect(variants.filter((v) => v.placement === 'appeal').map((v) => [v.name, v.status])).toEqual(
      [
        ['One in 10,000', 'stopped'],
        ['Plain', 'running'],
      ],
    );
    t.clock.advance(3_000);
    const page = await get(`/${slug}`);
    expect(page.body).toContain('Support us');
    expect(page.body).not.toContain('Help us get 1,000 new members!');
  });

  it('renders a preview of unsaved copy for the CMS', async () => {
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${campaign.id}/preview`,
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        variants: [
          { placement: 'appeal', headline: 'Only {remaining} to go', body: '**{count}** so far' },
        ],
        thanks_headline: 'Thanks',
        thanks_body: 'Thanks, {supporters}.',
      },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const { placements } = preview.json<{ preview: { placements: { html: string }[] } }>().preview;
    expect(placements[0]?.html).toContain('Only 998 to go');
    expect(placements[1]?.html).toContain('Thanks');
  });

  it('previews figures against an unsaved goal, leaving the saved goal alone', async () => {
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${campaign.id}/preview`,
      headers: { authorization: `Bearer ${admin}` },
      payload: {
        variants: [{ placement: 'appeal', headline: 'Help us get {goal} new members', body: '' }],
        thanks_headline: 'Thanks',
        thanks_body: '',
        goal_target: 2500,
        stretch_target: null,
      },
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const { placements } = preview.json<{ preview: { placements: { html: string }[] } }>().preview;
    expect(placements[0]?.html).toContain('Help us get 2,500 new members');
    expect(placements[0]?.html).toMatch(/<progress[^>]*max="2500"/u);
    const saved = await get(`/api/admin/campaigns/${campaign.id}`, {
      authorization: `Bearer ${admin}`,
    });
    expect(saved.json<{ campaign: CampaignResource }>().campaign.goal_target).toBe(1000);
  });

  it('refuses a preview against a goal below one, saying which field', async () => {
    const preview = await t.app.inject({
      method: 'POST',
      url: `/api/admin/campaigns/${campaign.id}/preview`,
      headers: { authorization: `Bearer ${admin}` },
      payload: { variants: [], thanks_headline: '', thanks_body: '', goal_target: 0 },
    });
    expect(preview.statusCode).toBe(400);
    expect(preview.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('refuses a campaign that ends before it starts', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/admin/campaigns',
      headers: { authorization: `Bearer ${admin}` },
      payload: birthdayCampaignBody({ slug: 'other', ends_at: '2026-10-01T00:00:00.000Z' }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
