import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { newSecret } from '../ids.js';
import type { MailTransport, OutgoingMail } from './mail-transport.js';
import { buildMimeMessage } from './mime-message.js';
import { toOutgoingMail } from './bulk-mail.js';

/** One message kept in the local outbox, as the CMS shows it. */
export interface OutboxMessage {
  readonly id: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Extra header fields the message carried (`List-Unsubscribe`…), if any. */
  readonly headers?: Readonly<Record<string, string>>;
  /** ISO 8601 UTC: when Masthead submitted it. */
  readonly createdAt: string;
}

export interface OutboxTransport extends MailTransport {
  readonly kind: 'outbox';
  /** Newest first; a message submitted twice (a retried job) appears once. */
  listMessages(limit: number): Promise<OutboxMessage[]>;
  /** Where the `.eml` file of a message lives, for people who open it in a mail program. */
  fileOf(id: string): string;
}

interface IndexLine {
  readonly id: string;
  readonly createdAt: string;
}

/** The outbox folder under the data directory. */
export function outboxFolder(dataDir: string): string {
  return path.resolve(dataDir, 'outbox');
}

/** A file name from a Message-ID: its local part, letters and digits only. */
function toOutboxId(messageId: string): string {
  const local = messageId.split('@', 1)[0] ?? '';
  const id = local.replace(/[^A-Za-z0-9]/g, '');
  if (id === '') throw new Error(`Message-ID "${messageId}" has no usable local part.`);
  return id.slice(0, 64);
}

async function writeAtomically(file: string, data: Buffer | string): Promise<void> {
  const temporary = `${file}.${newSecret(6)}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

function parseIndex(text: string): IndexLine[] {
  const lines: IndexLine[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = JSON.parse(line) as Partial<IndexLine>;
      if (typeof parsed.id === 'string' && typeof parsed.createdAt === 'string') {
        lines.push({ id: parsed.id, createdAt: parsed.createdAt });
      }
    } catch {
      // A line cut short by a crash is skipped; its message is still on disk.
    }
  }
  return lines;
}

/**
 * The embedded default: every message becomes a real MIME file
 * `${dataDir}/outbox/{id}.eml`, its parts are kept beside it as `{id}.json` for the CMS,
 * and one line per submission is appended to `index.jsonl`, the outbox's order. Files are
 * written before the index line, so the index never names a missing message; a message
 * submitted again (same Message-ID) replaces its files.
 */
export function createOutboxTransport(deps: { dataDir: string }): OutboxTransport {
  const folder = outboxFolder(deps.dataDir);
  const indexFile = path.join(folder, 'index.jsonl');
  const fileOf = (id: string): string => path.join(folder, `${id}.eml`);

  const readMessage = async (line: IndexLine): Promise<OutboxMessage | null> => {
    try {
      const raw = await readFile(path.join(folder, `${line.id}.json`), 'utf8');
      const parts = JSON.parse(raw) as Omit<OutboxMessage, 'id' | 'createdAt'>;
      return { ...parts, id: line.id, createdAt: line.createdAt };
    } catch {
      return null;
    }
  };

  async function send(mail: OutgoingMail): Promise<void> {
    const id = toOutboxId(mail.messageId);
    await mkdir(folder, { recursive: true });
    const parts = {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.headers === undefined ? {} : { headers: mail.headers }),
    };
    await writeAtomically(fileOf(id), await buildMimeMessage(mail));
    await writeAtomically(path.join(folder, `${id}.json`), JSON.stringify(parts));
    const line: IndexLine = { id, createdAt: mail.date.toISOString() };
    // One short append per message: O_APPEND keeps lines from several workers whole.
    await appendFile(indexFile, `${JSON.stringify(line)}\n`);
  }

  return {
    kind: 'outbox',
    fileOf,
    send,
    prepareBulk: (mail) => (recipient) => send(toOutgoingMail(mail, recipient)),

    async listMessages(limit) {
      let text: string;
      try {
        text = await readFile(indexFile, 'utf8');
      } catch {
        return [];
      }
      const seen = new Set<string>();
      const newestFirst: IndexLine[] = [];
      for (const line of parseIndex(text).reverse()) {
        if (seen.has(line.id)) continue;
        seen.add(line.id);
        newestFirst.push(line);
      }
      newestFirst.sort((a, b) =>
        a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
      );
      const found = await Promise.all(newestFirst.slice(0, limit).map(readMessage));
      return found.filter((message): message is OutboxMessage => message !== null);
    },

    close: () => Promise.resolve(),
  };
}
