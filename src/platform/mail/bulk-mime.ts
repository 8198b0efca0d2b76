import MailComposer from 'nodemailer/lib/mail-composer';
import { encode, wrap } from 'nodemailer/lib/qp';
import { toSlotPattern } from './bulk-mail.js';
import type { BulkMail, BulkRecipient } from './mail-transport.js';
import { toNodemailerMessage } from './mime-message.js';

/** Where the composed skeleton leaves room for what each recipient changes. */
const marks = {
  to: 'masthead-bulk-to@example.invalid',
  messageId: 'masthead-bulk-id@example.invalid',
  headers: '__MASTHEAD_BULK_HEADERS__',
  text: '__MASTHEAD_BULK_TEXT__',
  html: '__MASTHEAD_BULK_HTML__',
} as const;
const markedHeader = 'X-Masthead-Bulk';
const skeletonDate = new Date(0);

/** A quoted-printable body cut at its slots: encoded pieces, then slot names between. */
interface EncodedBody {
  readonly pieces: readonly string[];
  readonly slots: readonly string[];
}

/**
 * Quoted-printable text of each piece is wrapped on its own and the pieces are joined by
 * soft line breaks (`=` CRLF), which decoders drop: a recipient's values need encoding, not
 * the whole body again.
 */
function toEncodedBody(text: string, pattern: RegExp): EncodedBody {
  const split = text.replace(/\r?\n/g, '\r\n').split(pattern);
  return {
    pieces: split.filter((_, i) => i % 2 === 0).map((piece) => wrap(encode(piece), 76)),
    slots: split.filter((_, i) => i % 2 === 1),
  };
}

function fillBody(body: EncodedBody, values: Readonly<Record<string, string>>): string {
  let out = body.pieces[0] ?? '';
  for (let i = 0; i < body.slots.length; i += 1) {
    const value = values[body.slots[i] ?? ''] ?? '';
    out += `=\r\n${wrap(encode(value), 76)}=\r\n${body.pieces[i + 1] ?? ''}`;
  }
  return out;
}

/** RFC 5322 date in UTC, as nodemailer writes it. */
function toDateHeader(date: Date): string {
  return date.toUTCString().replace(/GMT/, '+0000');
}

/** An address, Message-ID or header value that can be written into a header as it is. */
function isPlainHeaderText(value: string): boolean {
  return /^[\x21-\x7e][\x20-\x7e]*$/.test(value);
}

/**
 * A bulk mail composed once by nodemailer (From, Subject, shared headers, the multipart
 * structure and its boundaries) with marks where each recipient's To, Message-ID, Date,
 * own headers and bodies go; `toRaw` fills them in for one recipient. Recipients whose
 * address or headers are not plain ASCII get `null` (the caller composes their message in
 * full), so nothing is ever encoded by hand here that nodemailer would have encoded.
 */
export async function prepareBulkMime(mail: BulkMail): Promise<{
  /** The envelope sender (MAIL FROM) of every message. */
  readonly sender: string;
  toRaw(recipient: BulkRecipient): string | null;
}> {
  const pattern = toSlotPattern(mail.slots);
  const composed = new MailComposer({
    ...toNodemailerMessage({
      from: mail.from,
      to: marks.to,
      subject: mail.subject,
      text: '',
      html: '',
      messageId: marks.messageId,
      date: skeletonDate,
      ...(mail.replyTo === undefined ? {} : { replyTo: mail.replyTo }),
      headers: { ...mail.headers, [markedHeader]: marks.headers },
    }),
    text: { content: marks.text, contentTransferEncoding: 'quoted-printable' },
    html: { content: marks.html, contentTransferEncoding: 'quoted-printable' },
  }).compile();
  const sender = composed.getEnvelope().from;
  if (typeof sender !== 'string') throw new Error('The bulk mail has no sender address.');
  const raw = (await composed.build()).toString('latin1');
  const head = raw.slice(0, raw.indexOf('\r\n\r\n') + 2);
  const body = raw.slice(head.length);
  const sharedHeaders = head
    .split(/\r\n(?![ \t])/)
    .filter((line) => line !== '' && !/^(to|message-id|date|x-masthead-bulk):/i.test(line))
    .map((line) => `${line}\r\n`)
    .join('');
  const bodyPieces = body.split(new RegExp(`(${marks.text}|${marks.html})`));
  if (bodyPieces.length !== 5) throw new Error('The composed skeleton lost its body marks.');
  const text = toEncodedBody(mail.text, pattern);
  const html = toEncodedBody(mail.html, pattern);

  return {
    sender,
    toRaw(recipient) {
      const own = Object.entries(recipient.headers ?? {});
      if (
        !isPlainHeaderText(recipient.to) ||
        !isPlainHeaderText(recipient.messageId) ||
        own.some(
          ([name, value]) => !/^[A-Za-z][A-Za-z0-9-]*$/.test(name) || !isPlainHeaderText(value),
        )
      ) {
        return null;
      }
      let out = sharedHeaders;
      out += `To: ${recipient.to}\r\nMessage-ID: <${recipient.messageId}>\r\nDate: ${toDateHeader(recipient.date)}\r\n`;
      for (const [name, value] of own) out += `${name}: ${value}\r\n`;
      for (let i = 0; i < bodyPieces.length; i += 1) {
        const piece = bodyPieces[i] ?? '';
        if (piece === marks.text) out += fillBody(text, recipient.slots);
        else if (piece === marks.html) out += fillBody(html, recipient.slots);
        else out += piece;
      }
      return out;
    },
  };
}
