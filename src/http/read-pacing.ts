/**
 * Bounds the requests Node reads in one turn of the event loop when a burst lands on many keep-alive
 * connections at once (a load balancer's pool, a client's), as Envoy's max_requests_per_io_cycle does.
 * Node reads every connection with data in one go, and a turn that reads thousands of requests keeps
 * everything else waiting for as long: a probe on a new connection, HighLevel's answers.
 *
 * Once a turn has read `perTurn` requests, every connection that sent a request in an earlier turn is
 * paused (its data waits in the kernel), and paused connections are resumed `perTurn` a turn, in the
 * order they were paused. Connections that have sent nothing yet are never paused, so a new one (an
 * orchestrator's probe) is read in the next turn whatever the burst. Under ordinary load no turn reads
 * that many, and nothing is paused.
 */
import type { Socket } from 'node:net';

/**
 * The libuv stream under a socket. Node's http server feeds a connection's bytes straight from it to
 * the HTTP parser, and pauses such a connection the same way (`readStop`, with `reading` kept in step):
 * cheaper than the socket's own pause and resume, which run its Readable stream's machinery for
 * nothing here.
 */
interface StreamHandle {
  reading: boolean;
  readStop(): number;
  readStart(): number;
}

function handleOf(socket: Socket): StreamHandle | undefined {
  const handle = (socket as unknown as { _handle?: Partial<StreamHandle> | null })._handle;
  return handle && typeof handle.readStop === 'function' && typeof handle.readStart === 'function'
    ? (handle as StreamHandle)
    : undefined;
}

/** Stops reading; false when the socket was not being read (Node's server had paused it, or it is closing). */
function pauseReading(socket: Socket): boolean {
  const handle = handleOf(socket);
  if (!handle?.reading) return false;
  handle.reading = false;
  handle.readStop();
  return true;
}

function resumeReading(socket: Socket): void {
  // Paused by Node's server itself (its answers are not being read): it resumes the socket when they are.
  if (socket.destroyed || (socket as unknown as { _paused?: boolean })._paused) return;
  const handle = handleOf(socket);
  if (handle && !handle.reading) {
    handle.reading = true;
    handle.readStart();
  }
}

interface Connection {
  /** Whether it has sent a request: only those are paused. */
  served: boolean;
  /** The turn it last sent one in: those read in this turn are not paused (they have been read). */
  readInTurn: number;
  paused: boolean;
}

export class ReadPacing {
  private readonly connections = new Map<Socket, Connection>();
  private readonly paused: Socket[] = [];
  private head = 0;
  private turn = 0;
  private readsThisTurn = 0;
  private pausedThisTurn = false;
  private turnScheduled = false;

  constructor(private readonly perTurn: number) {}

  /** A new connection: to be passed to the server's 'connection' event. */
  readonly track = (socket: Socket): void => {
    this.connections.set(socket, { served: false, readInTurn: -1, paused: false });
    socket.once('close', () => this.connections.delete(socket));
  };

  /** Connections paused now, waiting for their turn to be read. */
  get waiting(): number {
    return this.paused.length - this.head;
  }

  /** A request was read from `socket`. */
  read(socket: Socket): void {
    this.scheduleTurnEnd();
    const connection = this.connections.get(socket);
    if (connection) {
      connection.served = true;
      connection.readInTurn = this.turn;
    }
    this.readsThisTurn += 1;
    if (this.readsThisTurn < this.perTurn || this.pausedThisTurn) return;
    this.pausedThisTurn = true;
    for (const [other, state] of this.connections) {
      if (state.paused || !state.served || state.readInTurn === this.turn || !pauseReading(other)) continue;
      state.paused = true;
      this.paused.push(other);
    }
  }

  private scheduleTurnEnd(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    setImmediate(this.endOfTurn);
  }

  /** After the turn's reads: the next `perTurn` paused connections are read in the next turn. */
  private readonly endOfTurn = (): void => {
    this.turnScheduled = false;
    this.turn += 1;
    this.readsThisTurn = 0;
    this.pausedThisTurn = false;
    let resumed = 0;
    while (this.head < this.paused.length && resumed < this.perTurn) {
      const socket = this.paused[this.head] as Socket;
      this.head += 1;
      const state = this.connections.get(socket);
      if (!state) continue;
      state.paused = false;
      resumeReading(socket);
      resumed += 1;
    }
    if (this.head === this.paused.length) {
      this.paused.length = 0;
      this.head = 0;
    } else {
      if (this.head > 1024 && this.head * 2 > this.paused.length) {
        this.paused.splice(0, this.head);
        this.head = 0;
      }
      this.scheduleTurnEnd();
    }
  };
}
