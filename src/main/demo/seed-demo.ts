import { renderDemoImage, renderDemoPortrait } from '../../features/content/media-demo-images.js';
import { seedDemoDesk } from './demo-desk.js';
import { createPostService } from '../../features/content/post.service.js';
import type { Actor } from '../../features/staff/actor.js';
import { seedDemoRevisions } from './demo-revisions.js';
import type { Post } from '../../features/content/post.js';
import { systemActor } from '../../features/staff/actor.js';
import { generatePassword } from '../../features/staff/password.js';
import { createManualClock } from '../../platform/clock.js';
import { seedDemoRevenue } from './demo-revenue.js';
import type { Services } from '../services.js';
import { seedDemoCampaign } from '../../features/campaigns/campaign-demo.js';
import { demoFeedEntries } from './demo-feed-entries.js';
import { seedDemoNewsletters } from './demo-newsletters.js';
import {
  demoArticles,
  demoAuthors,
  demoNewsroom,
  demoSections,
  type DemoArticle,
} from './demo-articles.js';

export interface SeededDemo {
  readonly title: string;
  readonly email: string;
  readonly password: string;
}

const hourMs = 60 * 60 * 1000;

/** Inserts a related-article card after the second block of the body. */
function withRelatedCard(post: Post, relatedId: string): unknown {
  const blocks = [...post.body.blocks];
  blocks.splice(Math.min(2, blocks.length), 0, { type: 'related', postId: relatedId });
  return { ...post.body, blocks };
}

/** Puts the paywall marker after the third block of a Markdown body. */
function withPaywall(markdown: string): string {
  const blocks = markdown.split('\n\n');
  blocks.splice(Math.min(3, blocks.length - 1), 0, '[paywall]');
  return blocks.join('\n\n');
}

/** Readers of every kind, so the members screens and the gated articles have someone to show. */
const demoMembersCsv = [
  'email,name,labels,status',
  'olena.free@reader.example,Olena Marchenko,newsletter;vessmark,free',
  'tomas.free@reader.example,Tomas Berg,,free',
  'ada.paid@reader.example,Ada Lindqvist,supporter,paid',
  'ivo.gift@reader.example,Ivo Petersen,gift,gift',
  'nadia.comped@reader.example,Nadia Okafor,press,free',
].join('\n');

/**
 * Fills an empty install with the fictional newsroom "The Harbour Ledger": settings,
 * three authors with portraits, four sections and a dozen illustrated articles.
 * Does nothing (and returns null) when the database already has staff or posts.
 */
export async function seedDemoNewsroom(services: Services): Promise<SeededDemo | null> {
  const { staff, tags, media, settings } = services;
  const existingStaff = await staff.listStaff(systemActor);
  const existingPosts = await services.posts.listPosts(systemActor, { limit: 1 });
  if (existingStaff.length > 0 || existingPosts.length > 0) return null;

  await settings.updateSiteSettings(systemActor, {
    title: demoNewsroom.title,
    description: demoNewsroom.description,
    timezone: demoNewsroom.timezone,
    locale: demoNewsroom.locale,
  });

  const ownerPassword = generatePassword();
  let ownerEmail = '';
  const people = new Map<string, Actor>();
  for (const [index, author] of demoAuthors.entries()) {
    const photo = await media.upload(systemActor, {
      filename: `${author.slug}.png`,
      data: await renderDemoPortrait({ seed: index + 1, initials: author.initials }),
      alt: `Portrait of ${author.name}`,
    });
    const isOwner = author.role === 'owner';
    if (isOwner) ownerEmail = author.email;
    const user = await staff.createStaff(systemActor, {
      email: author.email,
      name: author.name,
      role: author.role,
      password: isOwner ? ownerPassword : generatePassword(),
      jobTitle: author.jobTitle,
      bio: author.bio,
      photoMediaId: photo.id,
    });
    people.set(author.role, {
      id: `user:${user.id}`,
      kind: 'user',
      userId: user.id,
      name: author.name,
      role: author.role,
    });
  }

  for (const section of demoSections) {
    await tags.createTag(systemActor, section);
  }

  // Each article is written "at" its own publishing time, so none shows an "Updated" stamp.
  const now = services.clock.now().getTime();
  const clock = createManualClock(new Date(now));
  const posts = createPostService({
    ...services,
    db: services.database.db,
    events: services.eventRelay,
    clock,
  });
  const bySlug = new Map<string, Post>();
  const ordered: DemoArticle[] = [...demoArticles].sort((a, b) => b.hoursAgo - a.hoursAgo);
  for (const article of ordered) {
    const publishedAt = new Date(now - article.hoursAgo * hourMs);
    clock.set(publishedAt);
    const image = await media.upload(systemActor, {
      filename: `${article.slug}.png`,
      data: await renderDemoImage({
        width: 1600,
        height: 900,
        seed: article.image.seed,
        label: article.image.label,
      }),
      alt: article.image.alt,
      caption: article.image.caption,
      credit: article.image.credit,
    });
    const post = await posts.createPost(systemActor, {
      title: article.title,
      slug: article.slug,
      standfirst: article.standfirst,
      markdown: article.visibility === undefined ? article.markdown : withPaywall(article.markdown),
      ...(article.visibility === undefined ? {} : { visibility: article.visibility }),
      tags: [
        demoSections.find((s) => s.slug === article.section)?.name ?? article.section,
        ...article.tags,
      ],
      authors: [article.author],
      featureImage: {
        mediaId: image.id,
        alt: article.image.alt,
        caption: article.image.caption,
        credit: article.image.credit,
      },
      status: 'published',
      publishedAt,
    });
    bySlug.set(article.slug, post);
  }

  for (const article of ordered) {
    const post = bySlug.get(article.slug);
    const related = article.relatedSlug === undefined ? undefined : bySlug.get(article.relatedSlug);
    if (post === undefined || related === undefined) continue;
    clock.set(new Date(now - article.hoursAgo * hourMs + 60_000));
    await posts.updatePost(systemActor, post.id, { body: withRelatedCard(post, related.id) });
    // The demo's articles are live: the related card is a pending change until applied.
    if (post.status !== 'draft') await posts.applyPendingChanges(systemActor, post.id);
  }

  // The oldest article gets a history of two editing sessions by two people.
  const oldest = ordered[0];
  const oldestPost = oldest === undefined ? undefined : bySlug.get(oldest.slug);
  const writer = people.get('editor');
  const editor = people.get('owner');
  if (
    oldest !== undefined &&
    oldestPost !== undefined &&
    writer !== undefined &&
    editor !== undefined
  ) {
    clock.set(new Date(now - oldest.hoursAgo * hourMs + 60 * 60_000));
    await seedDemoRevisions(posts, clock, await posts.getPost(oldestPost.id), writer, editor);
  }

  // The news feed: a day's worth of short updates, the newest a few minutes old.
  for (const entry of [...demoFeedEntries].sort((a, b) => b.minutesAgo - a.minutesAgo)) {
    await services.feed.createEntry(systemActor, {
      title: entry.title,
      markdown: entry.markdown,
      author: entry.author,
      sections: [entry.section],
      keyEvent: entry.keyEvent ?? false,
      pinned: entry.pinned ?? false,
      postId: entry.articleSlug === undefined ? undefined : bySlug.get(entry.articleSlug)?.id,
      publishedAt: new Date(now - entry.minutesAgo * 60_000),
    });
  }

  // Editors' Picks: a handful of the deeper pieces, not simply the newest.
  const pickSlugs = ordered
    .filter((article) => article.relatedSlug !== undefined)
    .map((article) => article.slug);
  const pickIds = pickSlugs.flatMap((slug) => {
    const post = bySlug.get(slug);
    return post === undefined ? [] : [post.id];
  });
  await services.picks.setPicks(systemActor, pickIds.slice(0, 5));

  await services.members.importMembers(systemActor, demoMembersCsv, false);
  const comped = await services.members.listMembers(
    systemActor,
    { q: 'nadia.comped@' },
    { page: 1, limit: 1 },
  );
  const compedId = comped.members[0]?.id;
  if (compedId !== undefined) {
    await services.members.compMember(systemActor, compedId, new Date(now + 365 * 24 * hourMs));
  }

  const deskAuthor = ordered[0]?.author;
  if (deskAuthor !== undefined) await seedDemoDesk(services, deskAuthor, new Date(now));
  // Only the embedded provider: a demo never sends events to a real Stripe account.
  if (services.payments.testPayments !== null) await seedDemoRevenue(services);
  // A running campaign with progress, so the banner and the appeal show.
  await seedDemoCampaign(
    { db: services.database.db, campaigns: services.campaigns },
    services.clock.now(),
  );
  await seedDemoNewsletters(services);

  services.settings.forget();
  return { title: demoNewsroom.title, email: ownerEmail, password: ownerPassword };
}
