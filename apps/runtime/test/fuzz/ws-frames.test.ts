import { connect } from 'node:net';
import { ClientFrame } from '@flowdesk/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../../src/realtime/ws-route';
import { TestSocket, wsUrl } from '../fixtures/ws-client';
import { startVisitors } from '../reliability/harness/clients';
import { seedEchoBot } from '../reliability/harness/echo-bot';
import { useTestServer } from '../server';
import { badBody } from './bad-inputs';

const FRAMES = 1000;

/** Frames a broken or hostile client might send: wrong shapes of real frame types, junk text, binary, oversize. */
const badFrame = fc.oneof(
  // Frames above the 64 KiB limit close the socket (1009): test/hardening/websocket-limits.test.ts.
  { weight: 4, arbitrary: badBody.filter((body) => Buffer.byteLength(body) <= MAX_FRAME_BYTES) },
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          type: fc.constantFrom('subscribe', 'unsubscribe', 'typing', 'ping', 'message', '', '__proto__'),
          conversationId: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.uuid()),
          afterSeq: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(-1)),
          typing: fc.oneof(fc.boolean(), fc.string()),
        },
        { requiredKeys: ['type'] },
      )
      .map((frame) => JSON.stringify(frame)),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes)) },
);

/** How many frames the server answers with: unsubscribe is silent, all else gets one. */
function expectedAnswers(frame: string | Buffer): number {
  const text = typeof frame === 'string' ? frame : frame.toString('utf8');
  try {
    const parsed = ClientFrame.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.type === 'unsubscribe' ? 0 : 1;
  } catch {
    return 1;
  }
}

/** Upgrades by hand, then writes bytes that break the WebSocket protocol; resolves with what the server sent back. */
function rawUpgradeThen(port: number, token: string, payload: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let upgraded = false;
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (!upgraded && received.includes('\r\n\r\n')) {
        upgraded = true;
        if (!received.toString('latin1').startsWith('HTTP/1.1 101')) reject(new Error(received.toString('latin1')));
        received = received.subarray(received.indexOf('\r\n\r\n') + 4);
        socket.write(payload);
      }
    });
    socket.on('close', () => resolve(received));
    socket.on('error', reject);
    socket.write(
      `GET /ws?visitorToken=${token} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
  });
}

describe('fuzz: malformed WebSocket frames', () => {
  const t = useTestServer('postgres');

  it('answers each bad frame with an error or ignores it, never crashes; the socket keeps working', async () => {
    const { server } = t.current;
    const { bot } = await seedEchoBot(server.db);
    const [visitor] = await startVisitors(server.url, bot.id, 1);
    const socket = await TestSocket.open(wsUrl(server.url, `?visitorToken=${visitor!.token}`));
    const frames = fc.sample(badFrame, { numRuns: FRAMES, seed: 42 });
    for (const frame of frames) socket.ws.send(frame);
    // Frames are handled in order: once this subscribe's replay arrives, every bad frame was handled.
    socket.send({ type: 'subscribe', conversationId: visitor!.conversationId, afterSeq: 0 });
    await socket.until(() => socket.seqs(visitor!.conversationId).length > 0, 60_000);
    const answers = socket.frames.filter((frame) => frame.type === 'error' || frame.type === 'pong');
    const codes = new Set(answers.map((frame) => (frame.type === 'error' ? frame.code : 'pong')));
    const expected = frames.map(expectedAnswers).reduce((sum, n) => sum + n, 0);
    console.log(`ws fuzz figures: ${FRAMES} frames, ${answers.length} answers (${[...codes].join(', ')}), socket open`);
    expect(answers.length).toBe(expected);
    expect(socket.ws.readyState).toBe(socket.ws.OPEN);
    expect(
      [...codes].every((code) =>
        ['invalid_frame', 'invalid_value', 'not_found', 'not_subscribed', 'pong'].includes(code),
      ),
    ).toBe(true);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await socket.close();
  });

  it('closes cleanly on protocol violations (unmasked frame, bad opcode, oversized length)', async () => {
    const { server } = t.current;
    const { bot } = await seedEchoBot(server.db);
    const [visitor] = await startVisitors(server.url, bot.id, 1);
    const violations = [
      Buffer.from([0x81, 0x05, 0x68, 0x65, 0x6c, 0x6c, 0x6f]), // unmasked text frame
      Buffer.from([0x83, 0x80, 1, 2, 3, 4]), // reserved opcode 3
      Buffer.from([0x81, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]), // 2^63 length
    ];
    for (const bytes of violations) {
      const reply = await rawUpgradeThen(server.port, visitor!.token, bytes);
      // The server's last frame is a close frame (opcode 8) with code 1002 protocol error or 1009 too big.
      const close = reply.subarray(reply.lastIndexOf(0x88));
      expect(close[0]).toBe(0x88);
      expect([1002, 1009]).toContain(close.readUInt16BE(2));
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
