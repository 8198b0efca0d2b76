/** The demo newsroom's news feed: short, timestamped updates from the last day. */
export interface DemoFeedEntry {
  readonly title: string;
  readonly markdown: string;
  readonly minutesAgo: number;
  readonly author: string;
  readonly section: string;
  readonly keyEvent?: boolean;
  readonly pinned?: boolean;
  /** The slug of a demo article the entry links to. */
  readonly articleSlug?: string;
}

export const demoFeedEntries: readonly DemoFeedEntry[] = [
  {
    title: 'Storm warning for the Saltmere coast tonight',
    markdown:
      'The regional weather office has raised an amber warning for gusts of up to 90 km/h from 22:00. ' +
      'The harbour master says ferries to the outer islands will stop after the 19:30 sailing.',
    minutesAgo: 25,
    author: 'ottilie-brandreth',
    section: 'climate',
    keyEvent: true,
    pinned: true,
  },
  {
    title: 'Night train runs on time for a second night',
    markdown:
      'The 23:40 to Aldergate left Vessmark Central on schedule, with 168 passengers on board.',
    minutesAgo: 70,
    author: 'kasim-aldous',
    section: 'city',
    articleSlug: 'night-trains-return-to-the-aldergate-line',
  },
  {
    title: 'Council publishes the full budget papers',
    markdown:
      'All 214 pages of the approved budget are now online. Our reporters are reading them; ' +
      'we will update this feed with what stands out.',
    minutesAgo: 140,
    author: 'ottilie-brandreth',
    section: 'politics',
    articleSlug: 'council-budget-closes-gap-with-library-cuts-and-parking-levy',
  },
  {
    title: 'Shipyard union and management agree to talk on Thursday',
    markdown: 'Both sides confirmed a meeting with a mediator from the regional labour office.',
    minutesAgo: 260,
    author: 'kasim-aldous',
    section: 'city',
    keyEvent: true,
  },
  {
    title: 'Tidewater Festival adds a second week of performances',
    markdown:
      'Organisers say the extra dates follow sold-out opening nights at the Dock Street stage.',
    minutesAgo: 520,
    author: 'maren-holloway',
    section: 'culture',
  },
];
