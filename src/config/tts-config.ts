import { ConfigError } from './config.js';
import { ttsProviders, type TtsProvider } from '../platform/tts/speech-engine.js';

/** `off`: this newsroom makes no narrations (existing audio is still served). */
export type TtsChoice = TtsProvider | 'off';
export const ttsChoices: readonly TtsChoice[] = [...ttsProviders, 'off'];

/** The narration engine and how it is reached (`MASTHEAD_TTS_*`). */
export interface TtsConfig {
  readonly provider: TtsChoice;
  /** Required by every provider except flite. */
  readonly apiKey: string | null;
  /** The API's base URL; the provider's public API when null. */
  readonly baseUrl: string | null;
  /** The default voice; each provider has its own when null. */
  readonly voice: string | null;
  /** OpenAI and ElevenLabs model; their recommended one when null. */
  readonly model: string | null;
  /**
   * `background` (the default): the local engine speaks at the lowest priority, so readers
   * always come first; `normal`: at the server's own, for a machine that only narrates.
   */
  readonly priority: 'background' | 'normal';
  /**
   * The label shown beside every player; `{engine}` becomes the engine's name. Never
   * empty: readers are always told the voice is synthetic.
   */
  readonly disclosure: string;
}

export const defaultDisclosure =
  'This audio is created with AI assistance: a synthetic voice ({engine}) reads the article.';

type Env = Readonly<Record<string, string | undefined>>;

function read(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? null : value;
}

export function readTtsConfig(env: Env): TtsConfig {
  const raw = read(env, 'MASTHEAD_TTS_PROVIDER') ?? 'flite';
  const provider = ttsChoices.find((name) => name === raw);
  if (provider === undefined) {
    throw new ConfigError('MASTHEAD_TTS_PROVIDER', `one of ${ttsChoices.join(', ')}`, raw);
  }
  const apiKey = read(env, 'MASTHEAD_TTS_API_KEY');
  if (provider !== 'flite' && provider !== 'off' && apiKey === null) {
    throw new ConfigError('MASTHEAD_TTS_API_KEY', `the ${provider} API key`, '');
  }
  const baseUrl = read(env, 'MASTHEAD_TTS_BASE_URL');
  if (baseUrl !== null) {
    const protocol = URL.canParse(baseUrl) ? new URL(baseUrl).protocol : '';
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new ConfigError('MASTHEAD_TTS_BASE_URL', 'an http(s) URL', baseUrl);
    }
  }
  const priority = read(env, 'MASTHEAD_TTS_PRIORITY') ?? 'background';
  if (priority !== 'background' && priority !== 'normal') {
    throw new ConfigError('MASTHEAD_TTS_PRIORITY', 'background or normal', priority);
  }
  const disclosure = read(env, 'MASTHEAD_TTS_DISCLOSURE') ?? defaultDisclosure;
  return Object.freeze({
    provider,
    apiKey,
    baseUrl: baseUrl?.replace(/\/+$/, '') ?? null,
    voice: read(env, 'MASTHEAD_TTS_VOICE'),
    model: read(env, 'MASTHEAD_TTS_MODEL'),
    priority,
    disclosure,
  });
}
