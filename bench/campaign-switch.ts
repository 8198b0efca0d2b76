/** The demo's campaign, run or ended through the Admin API while the page bench measures. */

/** True when the page carries the campaign's banner and its appeal. */
export const hasCampaign = (html: string): boolean =>
  html.includes('data-campaign-placement="banner"') &&
  html.includes('data-campaign-placement="appeal"');

/**
 * Runs the demo's campaign now, or ends it (its window moved into the past), through the
 * Admin API; then waits until every web process serves the article with the banner and
 * the appeal, or without them.
 */
export async function switchCampaign(
  base: string,
  token: string,
  running: boolean,
  slug: string,
  processes: number,
): Promise<void> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const { campaigns } = (await (
    await fetch(`${base}/api/admin/campaigns`, { headers })
  ).json()) as {
    campaigns: Record<string, unknown>[];
  };
  const campaign = campaigns[0];
  if (campaign === undefined) throw new Error('The demo newsroom has no campaign.');
  const day = 24 * 60 * 60 * 1000;
  const now = Date.now();
  const fields = [
    'name',
    'slug',
    'goal_kind',
    'goal_target',
    'stretch_target',
    'at_goal',
    'currency',
    'section_slugs',
    'ask_audiences',
    'thanks_headline',
    'thanks_body',
    'cap_views',
    'cap_days',
  ];
  const body = {
    ...Object.fromEntries(fields.map((name) => [name, campaign[name]])),
    starts_at: new Date(now - (running ? 10 : 2) * day).toISOString(),
    ends_at: new Date(now + (running ? 20 : -1) * day).toISOString(),
  };
  const put = await fetch(`${base}/api/admin/campaigns/${String(campaign.id)}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify(body),
  });
  if (!put.ok) throw new Error(`Switching the campaign failed: ${put.status} ${await put.text()}`);
  // Each process keeps the running campaign for a few seconds: ask until all agree.
  let agreeing = 0;
  while (agreeing < processes * 4) {
    const html = await (
      await fetch(`${base}/${slug}`, { headers: { connection: 'close' } })
    ).text();
    agreeing = hasCampaign(html) === running ? agreeing + 1 : 0;
    if (agreeing === 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
