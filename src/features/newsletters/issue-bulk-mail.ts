import type {
  BulkRecipient,
  BulkSender,
  MailTransport,
} from '../../platform/mail/mail-transport.js';
import { toMessageId } from '../../platform/mail/mailer.js';
import type { Entitlement } from '../members/entitlement.js';
import { recipientSlots } from './issue-email.js';
import type { IssueRenderer } from './issue-render.js';
import { newsletterPaths, toListHeaders } from './list-headers.js';
import type { Newsletter } from './newsletter.js';
import type { NewsletterLinks } from './newsletter-links.js';

/** The messages of one issue: a prepared bulk mail per level of access, and each recipient's part. */
export interface IssueMessages {
  senderFor(entitlement: Entitlement): Promise<BulkSender>;
  recipient(subscriber: { subscriberId: string; email: string }, date: Date): BulkRecipient;
}

/**
 * One issue as bulk mail: the rendered copy for each level of access is prepared once by
 * the transport; what each recipient adds is the address, the Message-ID a retry reuses,
 * their signed preference and unsubscribe links, and `List-Unsubscribe` with their token.
 */
export function createIssueMessages(deps: {
  readonly siteUrl: string;
  readonly transport: Pick<MailTransport, 'prepareBulk'>;
  readonly renderer: IssueRenderer;
  readonly issueId: string;
  readonly newsletter: Newsletter;
  readonly from: string;
  readonly links: NewsletterLinks;
}): IssueMessages {
  const { siteUrl, newsletter, links } = deps;
  const senders = new Map<Entitlement, Promise<BulkSender>>();
  const listHeaders = (unsubscribeToken: string) =>
    toListHeaders({ siteUrl, unsubscribeToken, newsletter });
  // `List-Unsubscribe` carries each recipient's token; the other list headers are shared.
  const shared = Object.fromEntries(
    Object.entries(listHeaders('')).filter(([name]) => name !== 'List-Unsubscribe'),
  );

  async function prepare(entitlement: Entitlement): Promise<BulkSender> {
    const rendered = await deps.renderer.forEntitlement(entitlement);
    return deps.transport.prepareBulk({
      from: deps.from,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      ...(newsletter.replyTo === null ? {} : { replyTo: newsletter.replyTo }),
      headers: shared,
      slots: [recipientSlots.preferences, recipientSlots.unsubscribe],
    });
  }

  return {
    senderFor(entitlement) {
      let sender = senders.get(entitlement);
      if (sender === undefined) {
        sender = prepare(entitlement);
        senders.set(entitlement, sender);
      }
      return sender;
    },
    recipient({ subscriberId, email }, date) {
      const unsubscribeToken = links.unsubscribe(subscriberId, newsletter.id);
      const unsubscribe = listHeaders(unsubscribeToken)['List-Unsubscribe'];
      return {
        to: email,
        messageId: toMessageId(`newsletter:${deps.issueId}:${subscriberId}`, siteUrl),
        date,
        slots: {
          [recipientSlots.preferences]: `${siteUrl}${newsletterPaths.preferences(links.preferences(subscriberId))}`,
          [recipientSlots.unsubscribe]: `${siteUrl}${newsletterPaths.unsubscribe(unsubscribeToken)}`,
        },
        ...(unsubscribe === undefined ? {} : { headers: { 'List-Unsubscribe': unsubscribe } }),
      };
    },
  };
}
