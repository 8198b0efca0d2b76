import { SpeechRejected, SpeechUnavailable, type TtsProvider } from './speech-engine.js';

export interface TtsHttpOptions {
  /** Attempts in all, the first included; 429 and 5xx answers are tried again. */
  readonly attempts?: number;
  /** Wait before the second attempt; doubled for each one after (unless Retry-After says). */
  readonly backoffMs?: number;
  /** Longest wait between attempts, Retry-After included. */
  readonly maxBackoffMs?: number;
  /** How to wait; tests pass one that records the delay and returns at once. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Per attempt. */
  readonly timeoutMs?: number;
}

export interface TtsHttpRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as RFC 9110 allows; null when absent or unreadable. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** The provider's own words for a refusal: `error.message`, `detail.message`, or the text. */
function describeRefusal(text: string): string {
  try {
    const parsed = JSON.parse(text) as unknown;
    const found = findMessage(parsed);
    if (found !== null) return found.slice(0, 300);
  } catch {
    // not JSON: the text itself
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, 300) || '(no detail given)';
}

function findMessage(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  for (const key of ['message', 'error', 'detail', 'status']) {
    const found = findMessage(record[key]);
    if (found !== null) return found;
  }
  return null;
}

const hints: Readonly<Record<number, string>> = {
  400: 'check the voice and model names and the text',
  401: 'check MASTHEAD_TTS_API_KEY',
  403: 'the API key is not allowed to use this voice or model',
  404: 'check MASTHEAD_TTS_BASE_URL and MASTHEAD_TTS_VOICE',
};

/**
 * POSTs to a speech API and returns the answer's bytes. 429 and 5xx answers (and failed
 * connections) are tried again after a growing wait, honouring Retry-After; any other
 * refusal throws `SpeechRejected` at once with the provider's message and a hint.
 */
export async function postSpeechRequest(
  provider: TtsProvider,
  label: string,
  request: TtsHttpRequest,
  options: TtsHttpOptions = {},
): Promise<{ bytes: Buffer; contentType: string }> {
  const attempts = options.attempts ?? 4;
  const backoffMs = options.backoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    let waitMs = Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1));
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
      });
      if (response.ok) {
        return {
          bytes: Buffer.from(await response.arrayBuffer()),
          contentType: response.headers.get('content-type') ?? '',
        };
      }
      const text = await response.text();
      const detail = describeRefusal(text);
      if (response.status !== 429 && response.status < 500) {
        const hint = hints[response.status];
        throw new SpeechRejected(
          provider,
          response.status,
          `${label} refused the narration with HTTP ${response.status}: ${detail}${hint === undefined ? '' : ` (${hint})`}.`,
        );
      }
      lastProblem = `HTTP ${response.status}: ${detail}`;
      const asked = retryAfterMs(response.headers.get('retry-after'), Date.now());
      if (asked !== null) waitMs = Math.min(maxBackoffMs, asked);
    } catch (error) {
      if (error instanceof SpeechRejected) throw error;
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (attempt < attempts) await sleep(waitMs);
  }
  throw new SpeechUnavailable(
    provider,
    `${label} did not answer after ${attempts} attempts (${lastProblem}); the narration will be tried again later.`,
  );
}
