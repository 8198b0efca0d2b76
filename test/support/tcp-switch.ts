import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpSwitch {
  readonly port: number;
  /** Cuts every open connection and refuses new ones until `connect()`. */
  disconnect(): void;
  connect(): void;
  close(): Promise<void>;
}

/** A TCP relay to `target` that a test can cut and restore, to make a server unreachable. */
export async function startTcpSwitch(target: { host: string; port: number }): Promise<TcpSwitch> {
  let up = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    disconnect() {
      up = false;
      for (const socket of sockets) socket.destroy();
    },
    connect() {
      up = true;
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
