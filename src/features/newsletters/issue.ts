import type { BodyDocument } from '../content/body/body.types.js';
import { toIssueOrigin, toIssueStatus, type IssueOrigin, type IssueStatus } from './newsletter.js';
import type { IssueRow } from './newsletter.table.js';

/** One edition of a newsletter: an article sent as an issue, or one written for it. */
export interface Issue {
  readonly id: string;
  readonly newsletterId: string;
  readonly subject: string;
  readonly preheader: string;
  readonly postId: string | null;
  /** The written body; empty for an article sent as an issue. */
  readonly body: BodyDocument;
  readonly origin: IssueOrigin;
  readonly status: IssueStatus;
  readonly scheduledAt: Date | null;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly recipients: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface SendProgress {
  readonly recipients: number;
  readonly queued: number;
  readonly submitted: number;
  readonly failed: number;
  readonly bounced: number;
}

const emptyBody: BodyDocument = { version: 1, blocks: [] };

function toBody(text: string): BodyDocument {
  try {
    const parsed = JSON.parse(text) as Partial<BodyDocument>;
    return Array.isArray(parsed.blocks) ? { version: 1, blocks: parsed.blocks } : emptyBody;
  } catch {
    return emptyBody;
  }
}

const toDate = (value: string | null): Date | null => (value === null ? null : new Date(value));

export function toIssue(row: IssueRow): Issue {
  return {
    id: row.id,
    newsletterId: row.newsletter_id,
    subject: row.subject,
    preheader: row.preheader,
    postId: row.post_id,
    body: toBody(row.body),
    origin: toIssueOrigin(row.origin),
    status: toIssueStatus(row.status),
    scheduledAt: toDate(row.scheduled_at),
    startedAt: toDate(row.started_at),
    finishedAt: toDate(row.finished_at),
    recipients: row.recipients,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export function toProgress(recipients: number, counts: Record<string, number>): SendProgress {
  return {
    recipients,
    queued: (counts.queued ?? 0) + (counts.sending ?? 0),
    submitted: counts.submitted ?? 0,
    failed: counts.failed ?? 0,
    bounced: counts.bounced ?? 0,
  };
}
