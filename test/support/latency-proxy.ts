import { type Server, type Socket, connect, createServer } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 that can slow every packet down, to make a real server slow, or cut
 * a connection as a request goes by, as a network failure would.
 */
export interface LatencyProxy {
  port: number;
  /** Added to every chunk in each direction; change it at any time. */
  delayMs: number;
  /**
   * When set, the first chunk from the client that it matches is not delivered: the connection
   * is cut instead, and the rule is cleared.
   */
  cutOnce?: (chunk: Buffer) => boolean;
  close(): Promise<void>;
}

/** Starts a proxy to `target` (`host:port`) that adds `delayMs` to each chunk, in order. */
export async function startLatencyProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  const proxy: LatencyProxy = { port: 0, delayMs: 0, close: async () => undefined };
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    relay(client, upstream, proxy, true);
    relay(upstream, client, proxy, false);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.port = (server.address() as { port: number }).port; // a TCP server's address
  proxy.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  };
  return proxy;
}

function relay(from: Socket, to: Socket, proxy: LatencyProxy, fromClient: boolean): void {
  let queue = Promise.resolve();
  from.on('data', (chunk: Buffer) => {
    if (fromClient && proxy.cutOnce?.(chunk)) {
      proxy.cutOnce = undefined;
      from.destroy();
      to.destroy();
      return;
    }
    const delay = proxy.delayMs;
    queue = queue
      .then(() => new Promise((resolve) => setTimeout(resolve, delay)))
      .then(() => {
        if (!to.destroyed) to.write(chunk);
      });
  });
  from.on('end', () => void queue.then(() => to.end()));
}
