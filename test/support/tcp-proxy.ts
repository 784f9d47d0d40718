import net from 'node:net';

/**
 * A loopback TCP relay in front of PostgreSQL that a test can cut and restore, as a network
 * failure or a server restart would: `cut()` drops every open connection and refuses new ones.
 */
export type TcpProxy = {
  port: number;
  cut(): Promise<void>;
  /** Drops open connections and then accepts new ones without ever answering, like a server that hangs. */
  blackhole(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
};

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let port = 0;
  let server: net.Server | undefined;
  let silent = false;

  const listen = () => new Promise<void>((resolve, reject) => {
    const s = net.createServer((client) => {
      sockets.add(client);
      client.on('close', () => sockets.delete(client));
      client.on('error', () => client.destroy());
      if (silent) return;
      const upstream = net.connect(target);
      for (const sock of [client, upstream]) {
        sockets.add(sock);
        sock.on('close', () => sockets.delete(sock));
        sock.on('error', () => { client.destroy(); upstream.destroy(); });
      }
      client.pipe(upstream).pipe(client);
    });
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => { port = (s.address() as net.AddressInfo).port; server = s; resolve(); });
  });
  const stop = () => new Promise<void>((resolve) => {
    for (const sock of sockets) sock.destroy();
    sockets.clear();
    if (!server) return resolve();
    server.close(() => resolve());
    server = undefined;
  });

  await listen();
  return {
    get port() { return port; },
    cut: stop,
    blackhole() { silent = true; for (const sock of sockets) sock.destroy(); sockets.clear(); },
    async restore() { silent = false; if (!server) await listen(); },
    close: stop,
  };
}
