import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidStorageKey } from './file-storage.js';
import { createLocalDiskStorage } from './local-disk-storage.js';
import { toPublicFileUrl } from './file-storage.js';
import type { FileStorage } from './file-storage.js';

describe('local disk storage', () => {
  let dataDir: string;
  let storage: FileStorage;

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-storage-'));
    storage = createLocalDiskStorage({ dataDir });
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stores a file under dataDir/files and reads the same bytes back', async () => {
    const data = Buffer.from('hello, newsroom');
    await storage.put('images/2026/11/abc/640.jpg', data, 'image/jpeg');

    expect(await storage.get('images/2026/11/abc/640.jpg')).toEqual(data);
    expect(existsSync(path.join(dataDir, 'files', 'images', '2026', '11', 'abc', '640.jpg'))).toBe(
      true,
    );
    expect(await storage.exists('images/2026/11/abc/640.jpg')).toBe(true);
  });

  it('replaces a file put twice and leaves no temporary files behind', async () => {
    await storage.put('a/b.txt', Buffer.from('one'), 'text/plain');
    await storage.put('a/b.txt', Buffer.from('two'), 'text/plain');

    expect((await storage.get('a/b.txt'))?.toString()).toBe('two');
    expect(readdirSync(path.join(dataDir, 'files', 'a'))).toEqual(['b.txt']);
  });

  it('answers null and false for a file that was never stored', async () => {
    expect(await storage.get('nothing/here.png')).toBeNull();
    expect(await storage.exists('nothing/here.png')).toBe(false);
  });

  it('deletes a file, prunes its empty folders and tolerates deleting it again', async () => {
    await storage.put('images/x/1.jpg', Buffer.from('1'), 'image/jpeg');
    await storage.put('images/y/1.jpg', Buffer.from('1'), 'image/jpeg');

    await storage.delete('images/x/1.jpg');
    await storage.delete('images/x/1.jpg');

    expect(await storage.exists('images/x/1.jpg')).toBe(false);
    expect(existsSync(path.join(dataDir, 'files', 'images', 'x'))).toBe(false);
    expect(await storage.exists('images/y/1.jpg')).toBe(true);
  });

  it('writes a stream as it arrives, reads a byte range and lists what it holds', async () => {
    await storage.put(
      'audio/a.mp3',
      Readable.from([Buffer.from('0123'), Buffer.from('4567')]),
      'audio/mpeg',
    );
    await storage.put('images/b.jpg', Buffer.from('jpeg'), 'image/jpeg');

    const part = await storage.open('audio/a.mp3', { start: 2, end: 5 });
    const chunks: Buffer[] = [];
    for await (const chunk of part ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('2345');
    expect(await storage.open('audio/none.mp3')).toBeNull();
    expect(await storage.stat('audio/a.mp3')).toMatchObject({ bytes: 8 });

    const listed: string[] = [];
    for await (const file of storage.list()) listed.push(`${file.key}:${file.bytes}`);
    expect(listed.sort()).toEqual(['audio/a.mp3:8', 'images/b.jpg:4']);
    const images: string[] = [];
    for await (const file of storage.list('images/')) images.push(file.key);
    expect(images).toEqual(['images/b.jpg']);
  });

  it('gives the public URL under /content/files/', () => {
    expect(storage.publicUrl('images/2026/11/abc/640.avif')).toBe(
      '/content/files/images/2026/11/abc/640.avif',
    );
    expect(toPublicFileUrl('audio/a b.mp3')).toBe('/content/files/audio/a%20b.mp3');
    expect(toPublicFileUrl('audio/a.mp3', 'https://media.example')).toBe(
      'https://media.example/audio/a.mp3',
    );
  });

  it.each([
    '',
    '../secret',
    'images/../../etc/passwd',
    '/etc/passwd',
    'images//640.jpg',
    'images/./640.jpg',
    'images\\640.jpg',
    'C:/windows/file',
    '.hidden',
    'images/640.jpg/',
  ])('refuses the key %j for every operation', async (key) => {
    expect(isValidStorageKey(key)).toBe(false);
    await expect(storage.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(
      /Invalid storage key/,
    );
    await expect(storage.get(key)).rejects.toThrow(/Invalid storage key/);
    await expect(storage.delete(key)).rejects.toThrow(/Invalid storage key/);
    await expect(storage.exists(key)).rejects.toThrow(/Invalid storage key/);
    expect(() => storage.publicUrl(key)).toThrow(/Invalid storage key/);
  });
});
