/**
 * Server-Sent Events wire format (WHATWG HTML §9.2). A frame ends with a blank line; a
 * line starting with ":" is a comment, which clients ignore and proxies see as traffic.
 */
export function toSseFrame(message: { id?: number; event?: string; data: string }): string {
  const lines: string[] = [];
  if (message.id !== undefined) lines.push(`id: ${message.id}`);
  if (message.event !== undefined) lines.push(`event: ${message.event}`);
  for (const line of message.data.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

export const sseHeartbeat = ': heartbeat\n\n';

/**
 * The id a reconnecting client last saw, from the `Last-Event-ID` header (EventSource sends
 * it) or the `lastEventId` query parameter (a page that knows what it already shows).
 * Anything that is not a whole number is ignored.
 */
export function parseLastEventId(...candidates: readonly (string | undefined)[]): number | null {
  for (const candidate of candidates) {
    if (candidate === undefined || !/^\d{1,15}$/.test(candidate.trim())) continue;
    return Number(candidate.trim());
  }
  return null;
}
