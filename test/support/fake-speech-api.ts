import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeMp3 } from '../../src/platform/tts/flite-synthesis.js';

export interface SpeechRequestRecord {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface FakeSpeechApi {
  /** `http://127.0.0.1:port`, to pass as MASTHEAD_TTS_BASE_URL. */
  readonly url: string;
  readonly requests: SpeechRequestRecord[];
  /** The next answers' statuses, in order; success once they run out. */
  respondWith(...statuses: number[]): void;
  close(): Promise<void>;
}

/** Half a second of a quiet tone as MP3: what the fake providers speak. */
export function toneMp3(seconds = 0.5, sampleRate = 24_000): Buffer {
  const samples = new Int16Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i += 1) {
    samples[i] = Math.round(Math.sin((2 * Math.PI * 440 * i) / sampleRate) * 3000);
  }
  return Buffer.from(encodeMp3(samples, sampleRate, 48));
}

type Provider = 'openai' | 'elevenlabs' | 'google' | 'azure';

/** Where each provider's documented API takes a synthesis request, and its key. */
function routeOf(method: string, url: string): Provider | null {
  if (method !== 'POST') return null;
  const path = url.split('?')[0] ?? '';
  if (path === '/v1/audio/speech') return 'openai';
  if (/^\/v1\/text-to-speech\/[^/]+$/.test(path)) return 'elevenlabs';
  if (path === '/v1/text:synthesize') return 'google';
  if (path === '/cognitiveservices/v1') return 'azure';
  return null;
}

function authorised(provider: Provider, headers: IncomingHttpHeaders, key: string): boolean {
  switch (provider) {
    case 'openai':
      return headers.authorization === `Bearer ${key}`;
    case 'elevenlabs':
      return headers['xi-api-key'] === key;
    case 'google':
      return headers['x-goog-api-key'] === key;
    case 'azure':
      return headers['ocp-apim-subscription-key'] === key;
  }
}

/**
 * A local HTTP server standing in for the four cloud speech APIs at their documented
 * paths: it checks each one's auth header against `key`, records every request, and
 * answers with MP3 (base64 JSON for Google), or with the statuses it is told to.
 */
export async function startFakeSpeechApi(key: string): Promise<FakeSpeechApi> {
  const requests: SpeechRequestRecord[] = [];
  const statuses: number[] = [];
  const audio = toneMp3();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const record = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(record);
      const provider = routeOf(record.method, record.url);
      if (provider === null) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end('{"error":{"message":"Not found"}}');
        return;
      }
      if (!authorised(provider, record.headers, key)) {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end('{"error":{"message":"Incorrect API key provided."}}');
        return;
      }
      const status = statuses.shift() ?? 200;
      if (status !== 200) {
        response.writeHead(status, {
          'content-type': 'application/json',
          ...(status === 429 ? { 'retry-after': '1' } : {}),
        });
        response.end(JSON.stringify({ error: { message: `Simulated answer ${status}` } }));
        return;
      }
      if (provider === 'google') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ audioContent: audio.toString('base64') }));
        return;
      }
      response.writeHead(200, { 'content-type': 'audio/mpeg' });
      response.end(audio);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith: (...next) => statuses.push(...next),
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  };
}
