import {
  isMemberStatus,
  memberEventKinds,
  type Member,
  type MemberEvent,
  type MemberEventKind,
  type MemberNote,
} from './member.js';
import type { MemberEventRow, MemberNoteRow, MemberRow } from './member.table.js';

const date = (value: string | null): Date | null => (value === null ? null : new Date(value));

export function toMember(row: MemberRow, labels: readonly string[] = []): Member {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: isMemberStatus(row.status) ? row.status : 'free',
    statusUntil: date(row.status_until),
    labels,
    createdAt: new Date(row.created_at),
    confirmedAt: date(row.confirmed_at),
    lastSeenAt: date(row.last_seen_at),
  };
}

function isKind(value: string): value is MemberEventKind {
  return (memberEventKinds as readonly string[]).includes(value);
}

function toDetail(raw: string): Record<string, string | null> {
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return {};
    const detail: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(parsed)) {
      detail[key] = typeof value === 'string' ? value : null;
    }
    return detail;
  } catch {
    return {};
  }
}

export function toMemberEvent(row: MemberEventRow): MemberEvent {
  return {
    id: row.id,
    kind: isKind(row.kind) ? row.kind : 'status-changed',
    detail: toDetail(row.detail),
    actorName: row.actor_name,
    at: new Date(row.created_at),
  };
}

export function toMemberNote(row: MemberNoteRow): MemberNote {
  return { id: row.id, body: row.body, authorName: row.author_name, at: new Date(row.created_at) };
}
