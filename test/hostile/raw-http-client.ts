import net from 'node:net';

export interface RawAnswer {
  /** The status the server answered with, or null when it closed without answering. */
  readonly status: number | null;
  /** The start of the answer, for failure messages. */
  readonly head: string;
}

/**
 * Sends bytes exactly as given to a listening server and reads its answer until it closes
 * the connection (requests say `Connection: close`). `halfClose` ends our side after
 * writing, for requests that are cut short on purpose.
 */
export function sendRaw(
  port: number,
  bytes: string | Buffer,
  options: { halfClose?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status === undefined ? null : Number(status), head: text.slice(0, 200) });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', settle);
    socket.on('close', settle);
    socket.on('error', settle);
    socket.on('connect', () => {
      if (options.halfClose === true) socket.end(bytes);
      else socket.write(bytes);
    });
  });
}
