import { toAudience, toNewsletterStatus, type Newsletter } from './newsletter.js';
import type { NewsletterRow } from './newsletter.table.js';

export function toNewsletter(row: NewsletterRow): Newsletter {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    authorName: row.author_name,
    senderName: row.sender_name,
    senderEmail: row.sender_email,
    replyTo: row.reply_to,
    cadence: row.cadence,
    audience: toAudience(row.audience),
    status: toNewsletterStatus(row.status),
    sortOrder: row.sort_order,
    briefing: row.briefing === 1,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}
