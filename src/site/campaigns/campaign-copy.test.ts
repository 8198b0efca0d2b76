import { describe, expect, it } from 'vitest';
import { renderCampaignCopy } from './campaign-copy.js';
import type { CampaignFigures } from './campaign-figures.js';

const figures: CampaignFigures = {
  count: '640',
  goal: '1,000',
  supporters: '12,000',
  remaining: '360',
  value: 640,
  max: 1000,
  unit: 'new members',
  phase: 'asking',
};

describe('campaign copy', () => {
  it('fills the placeholders with figures the island can keep current', () => {
    const html = renderCampaignCopy(
      'All thanks to **{supporters}** supporters. {remaining} to go!',
      figures,
    );
    expect(html).toContain(
      '<strong><span data-campaign-figure="supporters">12,000</span></strong>',
    );
    expect(html).toContain('<span data-campaign-figure="remaining">360</span> to go!');
  });

  it('lets no raw HTML or script through', () => {
    const html = renderCampaignCopy(
      'Hi <script>alert(1)</script><img src=x onerror=alert(1)> [x](javascript:alert(1))',
      figures,
    );
    expect(html).not.toMatch(/<script|onerror|javascript:/iu);
  });

  it('never puts a figure inside a tag', () => {
    const html = renderCampaignCopy('[Join {count}](/membership?n={count})', figures);
    expect(html).not.toMatch(/href="[^"]*<span/u);
    expect(html).toContain('<span data-campaign-figure="count">640</span>');
  });
});
