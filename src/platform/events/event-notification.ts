/**
 * The text of one NOTIFY between Masthead processes. PostgreSQL refuses a payload of
 * 8,000 bytes or more, so a bigger event travels as its name alone, flagged truncated.
 */
export const largestNotificationBytes = 7_900;

export type EventNotification =
  | {
      /** Which bridge sent it, so the sender can ignore its own echo. */
      readonly origin: string;
      readonly name: string;
      readonly truncated: false;
      readonly payload: unknown;
    }
  | { readonly origin: string; readonly name: string; readonly truncated: true };

export function toNotificationText(origin: string, name: string, payload: unknown): string {
  const full = JSON.stringify({ origin, name, payload });
  if (Buffer.byteLength(full, 'utf8') <= largestNotificationBytes) return full;
  return JSON.stringify({ origin, name, truncated: true });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a notification from another process; anything malformed gives `undefined`. */
export function parseNotificationText(text: string): EventNotification | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  const { origin, name } = parsed;
  if (typeof origin !== 'string' || typeof name !== 'string' || name === '') return undefined;
  if (parsed.truncated === true) return { origin, name, truncated: true };
  if (!('payload' in parsed)) return undefined;
  return { origin, name, truncated: false, payload: parsed.payload };
}
