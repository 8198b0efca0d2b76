import { describe, expect, it } from 'vitest';
import type { NarrationResource } from '../api/resources.js';
import { decideNarrationState } from './narration-state.js';

const audio: NonNullable<NarrationResource['audio']> = {
  url: '/audio/p1/0123456789abcdef01234567.mp3',
  duration_ms: 150_000,
  bytes: 1_200_000,
  provider: 'flite',
  engine_name: 'Flite',
  voice: 'slt',
  script_hash: 'a'.repeat(64),
  script_words: 400,
  synthesis_ms: 3_000,
  ready_at: '2026-11-20T09:00:00.000Z',
  preview: null,
};

function narration(changes: Partial<NarrationResource>): NarrationResource {
  return {
    post_id: 'p1',
    enabled: true,
    status: 'none',
    last_error: null,
    failed_attempts: 0,
    requested_at: null,
    due_at: null,
    generations: 0,
    audio: null,
    ...changes,
  };
}

describe('what the CMS says of a narration', () => {
  it('says the audio is ready, with its length, engine and voice', () => {
    expect(decideNarrationState(narration({ status: 'ready', audio }), 'published')).toEqual({
      kind: 'ready',
      label: 'Audio ready',
      detail: '2.5 min · Flite, voice slt',
    });
  });

  it('calls the quiet spell, the making and the retries pending, and says the old audio stays', () => {
    const waiting = decideNarrationState(narration({ status: 'queued', audio }), 'published');
    expect(waiting.kind).toBe('pending');
    expect(waiting.detail).toBe(
      'Waiting for edits to settle. Readers hear the previous audio until the new one is ready.',
    );
    expect(decideNarrationState(narration({ status: 'generating' }), 'published').detail).toBe(
      'Being narrated now.',
    );
    expect(
      decideNarrationState(
        narration({ status: 'retrying', last_error: 'OpenAI did not answer after 4 attempts' }),
        'published',
      ),
    ).toEqual({
      kind: 'pending',
      label: 'Pending',
      detail: 'Will try again: OpenAI did not answer after 4 attempts',
    });
  });

  it('shows a failure with the provider’s message', () => {
    const failed = narration({
      status: 'failed',
      last_error: 'OpenAI refused the narration with HTTP 401: Incorrect API key provided.',
    });
    expect(decideNarrationState(failed, 'published')).toEqual({
      kind: 'failed',
      label: 'Failed',
      detail: 'OpenAI refused the narration with HTTP 401: Incorrect API key provided.',
    });
  });

  it('says off when turned off, whatever the last state', () => {
    expect(
      decideNarrationState(narration({ enabled: false, status: 'ready', audio }), 'published').kind,
    ).toBe('off');
  });

  it('tells a draft it is narrated once published', () => {
    expect(decideNarrationState(undefined, 'draft')).toEqual({
      kind: 'none',
      label: 'Not narrated',
      detail: 'Narrated once published.',
    });
  });
});
