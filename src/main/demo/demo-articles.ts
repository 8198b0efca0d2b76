import { earlierDemoArticles } from './demo-articles-earlier.js';
import { laterDemoArticles } from './demo-articles-later.js';

/**
 * Demo content for a fictional reader-funded newsroom, The Harbour Ledger, which covers the
 * invented port city of Vessmark and its region. Every person, place, organisation and event
 * here is made up; any resemblance to real ones is coincidental.
 */

export interface DemoAuthor {
  slug: string;
  name: string;
  email: string;
  jobTitle: string;
  bio: string;
  initials: string;
  role: 'owner' | 'editor' | 'author';
}

export interface DemoSection {
  slug: string;
  name: string;
  description: string;
}

export interface DemoImage {
  seed: number;
  label: 'skyline' | 'harbour' | 'fields' | 'crowd' | 'rail' | 'stage' | 'water' | 'chamber';
  alt: string;
  caption: string;
  credit: string;
}

export interface DemoArticle {
  slug: string;
  title: string;
  standfirst: string;
  /** A DemoSection slug: the primary section. */
  section: string;
  /** Extra tag names (0–2). */
  tags: string[];
  /** A DemoAuthor slug. */
  author: string;
  /** Published this many hours before "now". */
  hoursAgo: number;
  /** The body in Markdown. */
  markdown: string;
  /** Feature image. */
  image: DemoImage;
  /** The slug of another demo article, shown as a related-article card inside the body. */
  relatedSlug?: string;
  /** Gated articles carry a paywall marker after their third block. */
  visibility?: 'members' | 'paid';
}

export const demoNewsroom: {
  title: string;
  description: string;
  timezone: 'Europe/Kyiv';
  locale: 'en-GB';
} = {
  title: 'The Harbour Ledger',
  description:
    'Independent, reader-funded journalism for Vessmark and the Saltmere coast. ' +
    'We follow the money, the council and the tide – and we answer to our readers.',
  timezone: 'Europe/Kyiv',
  locale: 'en-GB',
};

export const demoAuthors: readonly DemoAuthor[] = [
  {
    slug: 'maren-holloway',
    name: 'Maren Holloway',
    email: 'maren.holloway@harbourledger.example',
    jobTitle: 'Chief Executive Officer',
    bio:
      'Maren founded The Harbour Ledger after fifteen years reporting on local government ' +
      'across the Saltmere coast. She leads the newsroom and its membership programme, and ' +
      'still writes about politics and culture whenever the spreadsheets allow.',
    initials: 'MH',
    role: 'owner',
  },
  {
    slug: 'ottilie-brandreth',
    name: 'Ottilie Brandreth',
    email: 'ottilie.brandreth@harbourledger.example',
    jobTitle: 'Senior Editor',
    bio:
      "Ottilie edits the Ledger's daily coverage and leads its data reporting. Before joining, " +
      'she spent six years as a research analyst for a housing charity. She is happiest with ' +
      'a messy dataset and a clear question.',
    initials: 'OB',
    role: 'editor',
  },
  {
    slug: 'kasim-aldous',
    name: 'Kasim Aldous',
    email: 'kasim.aldous@harbourledger.example',
    jobTitle: 'Reporter',
    bio:
      'Kasim covers transport, work and the port. He grew up in Northquay, joined the Ledger ' +
      'as a trainee in its first year, and has since reported from every ward in the city ' +
      '– usually by bus.',
    initials: 'KA',
    role: 'author',
  },
];

export const demoSections: readonly DemoSection[] = [
  {
    slug: 'city',
    name: 'City',
    description: 'Housing, transport, work and everyday life in Vessmark and its neighbourhoods.',
  },
  {
    slug: 'politics',
    name: 'Politics',
    description: 'The council, the harbour authority and the people who hold power in the region.',
  },
  {
    slug: 'climate',
    name: 'Climate',
    description: 'Flood defences, a changing coastline and how the region is adapting.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description: 'Theatre, music, libraries and the places where the city gathers.',
  },
];

export const demoArticles: readonly DemoArticle[] = [...earlierDemoArticles, ...laterDemoArticles];
