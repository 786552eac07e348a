/** A free TCP port on 127.0.0.1, for a server the toolkit starts (a browser's DevTools server, Appium). */
import { createServer } from 'node:net';

/**
 * A TCP port of 127.0.0.1 that is free when asked (the caller's server binds it right after). `purpose` names
 * the server in the error when the system gives none (`no free port for the DevTools server`).
 */
export function freeLocalPort(purpose: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error(`no free port for ${purpose}`))));
    });
  });
}
