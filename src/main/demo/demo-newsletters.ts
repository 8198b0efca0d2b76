import { systemActor } from '../../features/staff/actor.js';
import type { Services } from '../services.js';

/** Subscribers of the demo lists, with how they agreed, as an old system would export them. */
const demoSubscribersCsv = [
  'email,consent',
  'olena.free@reader.example,double opt-in 2026-03-02',
  'tomas.free@reader.example,double opt-in 2026-05-17',
  'marta.reader@mail.example,double opt-in 2026-09-30',
].join('\n');

/**
 * The demo's three newsletters: a daily briefing, a weekly letter by a named correspondent
 * and a members-only letter, with a few subscribers and one written issue to look at.
 */
export async function seedDemoNewsletters(services: Services): Promise<void> {
  const { newsletters, issues } = services.newsletters;
  const daily = await newsletters.createNewsletter(systemActor, {
    slug: 'daily-briefing',
    name: 'The Morning Ledger',
    description:
      'The harbour town’s news in five minutes: what happened yesterday and what to watch today.',
    authorName: 'Ottilie Brandreth',
    cadence: 'Every weekday at 7 a.m.',
    senderName: 'The Harbour Ledger',
    replyTo: 'ottilie.brandreth@harbourledger.example',
    audience: 'everyone',
    sortOrder: 1,
    briefing: true,
  });
  await newsletters.createNewsletter(systemActor, {
    slug: 'weekly-letter',
    name: 'Letter from the Quay',
    description: 'Maren Holloway, our city correspondent, on the week behind the headlines.',
    authorName: 'Maren Holloway',
    cadence: 'Every Saturday',
    senderName: 'Maren Holloway at The Harbour Ledger',
    replyTo: 'maren.holloway@harbourledger.example',
    audience: 'everyone',
    sortOrder: 2,
  });
  await newsletters.createNewsletter(systemActor, {
    slug: 'members-letter',
    name: 'Inside the Ledger',
    description:
      'For members: how we report, what we are working on, and what your support paid for.',
    authorName: 'Kasim Aldous',
    cadence: 'Twice a month',
    senderName: 'The Harbour Ledger',
    replyTo: 'kasim.aldous@harbourledger.example',
    audience: 'members',
    sortOrder: 3,
  });
  await newsletters.importSubscribers(systemActor, daily.id, demoSubscribersCsv, false);
  await issues.createIssue(systemActor, {
    newsletterId: daily.id,
    subject: 'The Morning Ledger: ferries, fares and a festival',
    preheader: 'Three things to know before you leave the house.',
    body: {
      format: 'markdown',
      text: [
        'Good morning. Here is what you need to know today.',
        '## Ferries run to the winter timetable',
        'From Monday the last crossing leaves at 22:10. [See the new times](/).',
        '## Fares freeze for another year',
        'The council kept the single fare at its current price.',
      ].join('\n\n'),
    },
  });
}
