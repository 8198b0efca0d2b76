import net from 'node:net';

/**
 * The head of one HTTP/1.1 response exactly as it crosses the wire: the status line,
 * every header line and the blank line after them. Node's own client would hide the
 * framing headers it adds (`Date`, `Connection`, `Keep-Alive`), so this speaks raw HTTP.
 */
export function fetchResponseHead(
  url: string,
  headers: Readonly<Record<string, string>> = {},
): Promise<string> {
  const target = new URL(url);
  const request = [
    `GET ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port), target.hostname, () => socket.write(request));
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(received.slice(0, end + 4));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`No complete response head from ${url}.`)));
  });
}

/** The bytes of a response head, as counted on the wire. */
export function headBytes(head: string): number {
  return Buffer.byteLength(head, 'latin1');
}
