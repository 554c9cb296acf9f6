/**
 * Slow clients are cut off (HTTP_REQUEST_TIMEOUT_SECONDS): a client that sends half a body, or trickles
 * its headers and never ends them, loses its socket, and the chat keeps answering everyone else.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server';

const TIMEOUT_SECONDS = 1;
/** The timeout, plus Node's check interval (1 s), plus slack for a busy 2-core machine. */
const CUT_OFF_WITHIN_MS = 5_000;

let server: TestServer;
let port: number;
beforeAll(async () => {
  server = await startTestServer({ env: { HTTP_REQUEST_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS) } });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

interface SlowClient {
  readonly socket: Socket;
  /** resolves to ms from the connection until the server closed it */
  readonly closed: Promise<number>;
  /** what the server sent before closing */
  received(): string;
}

/** A raw TCP client that sends `first` once connected, then whatever `more` sends. */
function slowClient(first: string): Promise<SlowClient> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let data = '';
    let connectedAt = 0;
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    const closed = new Promise<number>((r) => socket.once('close', () => r(Date.now() - connectedAt)));
    socket.once('error', reject);
    socket.once('connect', () => {
      connectedAt = Date.now();
      socket.off('error', reject);
      // A reset by the server is also a cut-off; the close event follows.
      socket.on('error', () => undefined);
      socket.write(first);
      resolve({ socket, closed, received: () => data });
    });
  });
}

const halfBody = (): string => {
  const head =
    'POST /api/web/messages HTTP/1.1\r\n' +
    `Host: 127.0.0.1:${port}\r\n` +
    'Content-Type: application/json\r\n' +
    'Content-Length: 1000\r\n' +
    '\r\n';
  // Half of the announced 1,000 bytes.
  return `${head}{"text":"${'a'.repeat(491)}`;
};

async function chat(): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${server.url}/api/web/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'làm giấy khai sinh cần gì' }),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: Date.now() - started };
}

describe('slow clients', () => {
  it('300 sockets that sent half a body are closed by the server, and the chat still answers meanwhile', async () => {
    const clients: SlowClient[] = [];
    try {
      for (let i = 0; i < 300; i++) clients.push(await slowClient(halfBody()));
      // While 300 half-sent requests hang, a normal message is answered at once.
      const meanwhile = await chat();
      expect(meanwhile.status).toBe(200);
      expect(meanwhile.ms).toBeLessThan(2_000);
      const waits = await Promise.all(
        clients.map((c) =>
          Promise.race([c.closed, new Promise<number>((r) => setTimeout(() => r(-1), CUT_OFF_WITHIN_MS))]),
        ),
      );
      const open = waits.filter((ms) => ms < 0).length;
      console.log(
        `300 half-sent requests: ${open} still open; closed after ${Math.min(...waits)}–${Math.max(...waits)} ms; ` +
          `a chat message meanwhile: ${meanwhile.status} in ${meanwhile.ms} ms`,
      );
      expect(open, 'sockets still open after the cut-off time').toBe(0);
      // Not closed before the timeout: the server waited for the body, then gave up.
      expect(Math.min(...waits)).toBeGreaterThanOrEqual(TIMEOUT_SECONDS * 1000 - 100);
      // Node answers 408 before closing (when it can).
      expect(clients.filter((c) => c.received().startsWith('HTTP/1.1 408')).length).toBeGreaterThan(0);
      expect(clients.every((c) => !c.received().startsWith('HTTP/1.1 200'))).toBe(true);
      // And after the flood, still answered.
      expect((await chat()).status).toBe(200);
    } finally {
      for (const c of clients) c.socket.destroy();
    }
  });

  it('a slowloris (headers trickled in, never finished) is closed within the timeout', async () => {
    const client = await slowClient(`POST /api/web/messages HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    let trickled = 0;
    const trickle = setInterval(() => {
      if (client.socket.writable) {
        client.socket.write(`X-Slow-${trickled}: ${'x'.repeat(10)}\r\n`);
        trickled++;
      }
    }, 200);
    try {
      const ms = await Promise.race([
        client.closed,
        new Promise<number>((r) => setTimeout(() => r(-1), CUT_OFF_WITHIN_MS)),
      ]);
      expect(ms, 'the slowloris socket is still open').toBeGreaterThan(0);
      console.log(`slowloris: closed after ${ms} ms, having sent ${trickled} header lines`);
      expect(ms).toBeGreaterThanOrEqual(TIMEOUT_SECONDS * 1000 - 100);
      // It kept sending header lines all along: activity does not keep it alive.
      expect(trickled).toBeGreaterThanOrEqual(3);
      expect((await chat()).status).toBe(200);
    } finally {
      clearInterval(trickle);
      client.socket.destroy();
    }
  });
});
