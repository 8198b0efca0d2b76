/**
 * MPEG audio (Layer III) frames: enough to join MP3 parts and to know their length.
 * A part may start with an ID3v2 tag and a Xing/Info frame and end with an ID3v1 tag;
 * joining keeps only the audio frames, so the joined file plays as one stream and its
 * duration is the sum of its frames. See docs/adr/0010.
 */

const layer3Bitrates: Readonly<Record<'1' | '2', readonly number[]>> = {
  '1': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const sampleRates: Readonly<Record<number, readonly number[]>> = {
  3: [44100, 48000, 32000], // MPEG 1
  2: [22050, 24000, 16000], // MPEG 2
  0: [11025, 12000, 8000], // MPEG 2.5
};

export interface Mp3Frame {
  readonly offset: number;
  readonly length: number;
  readonly samples: number;
  readonly sampleRate: number;
}

/** The frame whose header starts at `offset`, or null when none does. */
function readFrame(bytes: Uint8Array, offset: number): Mp3Frame | null {
  if (offset + 4 > bytes.length) return null;
  const b1 = bytes[offset + 1] ?? 0;
  const b2 = bytes[offset + 2] ?? 0;
  if (bytes[offset] !== 0xff || (b1 & 0xe0) !== 0xe0) return null;
  const version = (b1 >> 3) & 0x03;
  const layer = (b1 >> 1) & 0x03;
  if (version === 1 || layer !== 1) return null; // reserved version, or not Layer III
  const bitrateKbps = layer3Bitrates[version === 3 ? '1' : '2'][(b2 >> 4) & 0x0f];
  const sampleRate = sampleRates[version]?.[(b2 >> 2) & 0x03];
  if (bitrateKbps === undefined || bitrateKbps === 0 || sampleRate === undefined) return null;
  const padding = (b2 >> 1) & 0x01;
  const coefficient = version === 3 ? 144 : 72;
  const length = Math.floor((coefficient * bitrateKbps * 1000) / sampleRate) + padding;
  return { offset, length, samples: version === 3 ? 1152 : 576, sampleRate };
}

/** Bytes taken by an ID3v2 tag at the start, 0 when there is none. */
function id3v2Length(bytes: Uint8Array): number {
  if (bytes.length < 10 || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33) return 0;
  const size =
    ((bytes[6] ?? 0) << 21) | ((bytes[7] ?? 0) << 14) | ((bytes[8] ?? 0) << 7) | (bytes[9] ?? 0);
  const footer = ((bytes[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return 10 + size + footer;
}

/** A Xing, Info or VBRI frame describes the stream; it holds no sound worth keeping. */
function isInfoFrame(bytes: Uint8Array, frame: Mp3Frame): boolean {
  const head = Buffer.from(
    bytes.subarray(frame.offset + 4, frame.offset + Math.min(frame.length, 48)),
  );
  const text = head.toString('latin1');
  return text.includes('Xing') || text.includes('Info') || text.includes('VBRI');
}

/** Every audio frame in order, skipping tags, info frames and bytes between frames. */
export function readMp3Frames(bytes: Uint8Array): Mp3Frame[] {
  const frames: Mp3Frame[] = [];
  let offset = id3v2Length(bytes);
  let end = bytes.length;
  // An ID3v1 tag: the last 128 bytes, starting "TAG".
  if (
    end >= 128 &&
    bytes[end - 128] === 0x54 &&
    bytes[end - 127] === 0x41 &&
    bytes[end - 126] === 0x47
  )
    end -= 128;
  while (offset + 4 <= end) {
    const frame = readFrame(bytes, offset);
    if (frame === null || offset + frame.length > end) {
      offset += 1;
      continue;
    }
    if (frames.length > 0 || !isInfoFrame(bytes, frame)) frames.push(frame);
    offset += frame.length;
  }
  return frames;
}

export interface Mp3Audio {
  readonly bytes: Buffer;
  readonly durationMs: number;
}

/** The audio frames of every part, one after another, and how long they play. */
export function joinMp3(parts: readonly Uint8Array[]): Mp3Audio {
  const chunks: Buffer[] = [];
  let seconds = 0;
  for (const part of parts) {
    for (const frame of readMp3Frames(part)) {
      chunks.push(Buffer.from(part.subarray(frame.offset, frame.offset + frame.length)));
      seconds += frame.samples / frame.sampleRate;
    }
  }
  return { bytes: Buffer.concat(chunks), durationMs: Math.round(seconds * 1000) };
}

/** How long an MP3 plays, from its frames. */
export function mp3DurationMs(bytes: Uint8Array): number {
  return joinMp3([bytes]).durationMs;
}
