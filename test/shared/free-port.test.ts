/** freeLocalPort, the one "free port on 127.0.0.1" of the toolkit (DevTools server, Appium server). */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freeLocalPort } from '../../src/shared/free-port.js';

describe('freeLocalPort', () => {
  it('returns a port that a server can then bind on 127.0.0.1', async () => {
    const port = await freeLocalPort('a test server');
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
