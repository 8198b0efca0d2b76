import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createFliteSpeech } from './flite-speech.js';
import { joinMp3, readMp3Frames } from './mp3-frames.js';
import { SpeechRejected } from './speech-engine.js';

const run = promisify(execFile);
// At the test's own priority: what is said is under test here, not the priority (see
// deadline-worker.test.ts), and a busy machine would starve a process at nice 19.
const engine = createFliteSpeech({ voice: null, background: false });
afterAll(() => engine.close());

const text =
  'The city council met on Tuesday evening to discuss the new tram line along the river. ' +
  'Residents from the left bank asked for more stops near the markets and the schools, ' +
  'and the mayor promised a public hearing before the end of the month. ' +
  'Engineers say the first section could open within two years if the money arrives on time.';

describe('the local engine (flite in a worker thread, MP3 by lamejs)', () => {
  it('speaks text as a real MP3 about as long as the words take at 160 a minute', async () => {
    const mp3 = await engine.synthesize(text, engine.defaultVoice);
    const frames = readMp3Frames(mp3);
    expect(frames.length).toBeGreaterThan(100);
    // Every frame is MPEG Layer III at flite's 16 kHz, back to back.
    expect(new Set(frames.map((f) => f.sampleRate))).toEqual(new Set([16_000]));
    expect(frames.reduce((sum, f) => sum + f.length, 0)).toBeGreaterThan(mp3.length * 0.95);
    const words = text.split(/\s+/).length;
    const expectedMs = (words / 160) * 60_000;
    const { durationMs } = joinMp3([mp3]);
    expect(durationMs).toBeGreaterThan(expectedMs * 0.6);
    expect(durationMs).toBeLessThan(expectedMs * 1.4);
  });

  it('joins parts into one stream as long as both', async () => {
    const [a, b] = await Promise.all([
      engine.synthesize('First part.', 'rms'),
      engine.synthesize('Second part, a little longer than the first.', 'awb'),
    ]);
    const joined = joinMp3([a, b]);
    expect(joined.durationMs).toBe(joinMp3([a]).durationMs + joinMp3([b]).durationMs);
    expect(readMp3Frames(joined.bytes).length).toBe(
      readMp3Frames(a).length + readMp3Frames(b).length,
    );
  });

  it('speaks at the priority it was given: the lowest in the background, else the server’s', async () => {
    /** The nice values of this process's flite processes now. */
    const fliteNiceValues = (): number[] => {
      const values: number[] = [];
      for (const name of readdirSync('/proc')) {
        if (!/^\d+$/.test(name)) continue;
        try {
          const command = readFileSync(`/proc/${name}/cmdline`, 'utf8');
          const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          // Fields after the name: the parent is the 2nd, nice the 17th.
          if (command.includes('flite.worker') && Number(fields[1]) === process.pid) {
            values.push(Number(fields[16]));
          }
        } catch {
          // Ended between listing and reading.
        }
      }
      return values;
    };
    // At the server's priority all through a whole part (it would once lower itself).
    const seen = new Set<number>();
    const state = { speaking: true };
    const spoken = engine.synthesize(text, 'slt').finally(() => (state.speaking = false));
    while (state.speaking) {
      for (const nice of fliteNiceValues()) seen.add(nice);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await spoken;
    expect([...seen]).toEqual([os.getPriority()]);

    // In the background from its start: a busy machine may not even let it finish starting.
    const background = createFliteSpeech({ voice: null });
    const asked = background.synthesize(text, 'slt').catch(() => null);
    try {
      await expect.poll(fliteNiceValues, { timeout: 60_000 }).toEqual([19]);
    } finally {
      await background.close();
      await asked;
    }
  });

  it('refuses a voice flite does not have, naming the ones it has', async () => {
    await expect(engine.synthesize('Hello.', 'alloy')).rejects.toBeInstanceOf(SpeechRejected);
    await expect(engine.synthesize('Hello.', 'alloy')).rejects.toThrow(
      'Flite has no voice "alloy"; use one of slt, rms, awb, kal.',
    );
  });

  it('prints no "WASI is experimental" warning when it speaks; other warnings still show', async () => {
    const module = path.resolve('src/platform/tts/flite-speech.ts');
    const script = `
      const { createFliteSpeech } = await import(${JSON.stringify(module)});
      const engine = createFliteSpeech({ voice: null, background: false });
      const mp3 = await engine.synthesize('Hello.', 'slt');
      await engine.close();
      process.emitWarning('Another experimental thing', 'ExperimentalWarning');
      console.log('spoke ' + mp3.length + ' bytes');
    `;
    // A file, not --eval: a worker thread inherits the flags its process was started with.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-flite-warning-'));
    const file = path.join(dir, 'speak.mjs');
    writeFileSync(file, script);
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', file]).finally(() =>
      rmSync(dir, { recursive: true, force: true }),
    );
    expect(stdout).toMatch(/^spoke [1-9]\d* bytes$/m);
    expect(stderr).not.toContain('WASI');
    expect(stderr).toContain('ExperimentalWarning: Another experimental thing');
  });
});
