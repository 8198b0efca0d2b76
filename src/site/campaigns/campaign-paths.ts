/** Public addresses of campaigns. */
export const campaignPaths = {
  live: (id: string): string => `/campaigns/${id}/live.json`,
  click: (id: string): string => `/campaigns/${id}/click`,
  impressions: (id: string): string => `/campaigns/${id}/impressions`,
  thanks: (slug: string): string => `/campaigns/${slug}/thanks`,
  /** Where the buttons lead; the pages come from memberships and gifts. */
  checkout: (to: 'membership' | 'gift', campaignId: string, variantId: string): string =>
    `/${to}?campaign=${encodeURIComponent(campaignId)}&variant=${encodeURIComponent(variantId)}`,
} as const;
