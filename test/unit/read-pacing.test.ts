import { EventEmitter } from 'node:events';
import { createServer, request, Agent } from 'node:http';
import type { Socket } from 'node:net';
import { ReadPacing } from '../../src/http/read-pacing';

/** Stands in for a socket: the stream handle pacing stops and starts, and the socket's close. */
class FakeSocket extends EventEmitter {
  destroyed = false;
  /** Node's http server's own pause (its answers are not being read). */
  _paused = false;
  pauses = 0;
  resumes = 0;
  readonly _handle = {
    reading: true,
    readStop: () => {
      this.pauses += 1;
      return 0;
    },
    readStart: () => {
      this.resumes += 1;
      return 0;
    },
  };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function connections(pacing: ReadPacing, count: number): FakeSocket[] {
  return Array.from({ length: count }, () => {
    const socket = new FakeSocket();
    pacing.track(socket as unknown as Socket);
    return socket;
  });
}

describe('ReadPacing', () => {
  it('pauses nothing while a turn reads fewer than its bound', async () => {
    const pacing = new ReadPacing(4);
    const sockets = connections(pacing, 10);
    for (let turn = 0; turn < 3; turn += 1) {
      for (const socket of sockets.slice(0, 3)) pacing.read(socket as unknown as Socket);
      await nextTurn();
    }
    expect(sockets.map((socket) => socket.pauses)).toEqual(Array(10).fill(0));
  });

  it('past the bound, pauses every connection that sent a request in an earlier turn, never a new one', async () => {
    const pacing = new ReadPacing(2);
    const [a, b, c, d, fresh] = connections(pacing, 5) as [FakeSocket, FakeSocket, FakeSocket, FakeSocket, FakeSocket];
    const read = (socket: FakeSocket) => pacing.read(socket as unknown as Socket);
    // Earlier turns: a, b and c each sent a request, one a turn.
    for (const socket of [a, b, c]) {
      read(socket);
      await nextTurn();
    }
    // This turn: d's first request, then a's reaches the bound: b and c wait (a and d have just been read).
    read(d);
    read(a);
    expect([a, b, c, d, fresh].map((socket) => socket.pauses)).toEqual([0, 1, 1, 0, 0]);
    expect(pacing.waiting).toBe(2);
    // One more read this turn pauses nothing more.
    read(fresh);
    expect([a, b, c, d, fresh].map((socket) => socket.pauses)).toEqual([0, 1, 1, 0, 0]);
  });

  it('resumes the paused connections in order, as many a turn as the bound, skipping closed ones', async () => {
    const pacing = new ReadPacing(2);
    const sockets = connections(pacing, 8);
    for (const socket of sockets) {
      pacing.read(socket as unknown as Socket);
      await nextTurn();
    }
    // A turn reading two: the other six are paused in their order.
    const [first, second, ...rest] = sockets as FakeSocket[];
    pacing.read(first as unknown as Socket);
    pacing.read(second as unknown as Socket);
    expect(rest.map((socket) => socket.pauses)).toEqual(Array(6).fill(1));
    rest[0]?.emit('close');
    await nextTurn();
    // The closed one was skipped: the next two resumed.
    expect(rest.map((socket) => socket.resumes)).toEqual([0, 1, 1, 0, 0, 0]);
    await nextTurn();
    expect(rest.map((socket) => socket.resumes)).toEqual([0, 1, 1, 1, 1, 0]);
    await nextTurn();
    expect(rest.map((socket) => socket.resumes)).toEqual([0, 1, 1, 1, 1, 1]);
    expect(pacing.waiting).toBe(0);
  });

  it("leaves alone what Node's server paused itself: not counted as paused, and not resumed", async () => {
    const pacing = new ReadPacing(2);
    const [a, b, c] = connections(pacing, 3) as [FakeSocket, FakeSocket, FakeSocket];
    for (const socket of [a, b, c]) {
      pacing.read(socket as unknown as Socket);
      await nextTurn();
    }
    // b is not being read (Node's server stopped it); c is paused here, then Node's server pauses it too.
    b._handle.reading = false;
    // Two requests from a (pipelined) reach the bound.
    pacing.read(a as unknown as Socket);
    pacing.read(a as unknown as Socket);
    expect([b.pauses, c.pauses, pacing.waiting]).toEqual([0, 1, 1]);
    c._paused = true;
    await nextTurn();
    expect([b.resumes, c.resumes, pacing.waiting]).toEqual([0, 0, 0]);
  });

  it("with node:http, every request of a burst on keep-alive connections is answered, and no turn reads more than the bound's worth", async () => {
    const pacing = new ReadPacing(4);
    let turn = 0;
    const tick = () => {
      turn += 1;
      ticking = setImmediate(tick);
    };
    let ticking = setImmediate(tick);
    const readsPerTurn = new Map<number, number>();
    const server = createServer((req, res) => {
      pacing.read(req.socket);
      readsPerTurn.set(turn, (readsPerTurn.get(turn) ?? 0) + 1);
      req.resume();
      req.on('end', () => res.end('ok'));
    });
    server.on('connection', pacing.track);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const agent = new Agent({ keepAlive: true, maxSockets: 40 });
    const get = () =>
      new Promise<string>((resolve, reject) => {
        request({ host: '127.0.0.1', port, agent, method: 'POST', path: '/' }, (res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve(body));
        })
          .on('error', reject)
          .end('x'.repeat(100));
      });
    try {
      // 40 connections, each having sent a request; then a burst of 40, one on each.
      await Promise.all(Array.from({ length: 40 }, get));
      readsPerTurn.clear();
      const answers = await Promise.all(Array.from({ length: 40 }, get));
      expect(answers).toEqual(Array(40).fill('ok'));
      // A turn reads the bound, and at most what its epoll batch held before the pause took effect.
      expect(Math.max(...readsPerTurn.values())).toBeLessThanOrEqual(4);
    } finally {
      clearImmediate(ticking);
      agent.destroy();
      server.close();
    }
  });
});
