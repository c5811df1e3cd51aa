/**
 * Load shedding at the door: at most `max` GraphQL requests are served at once, and the next is
 * answered 503 at once, before its body is read or anything parsed. Past that point a gateway only
 * makes every caller wait longer (and hold more memory) for an upstream that is already the
 * bottleneck; a 503 with Retry-After lets the caller, or its load balancer, go elsewhere or come back.
 */
export class RequestAdmission {
  private current = 0;
  private shedCount = 0;

  constructor(private readonly max: number) {}

  /** Requests being served now. */
  get inFlight(): number {
    return this.current;
  }

  /** Requests answered 503 so far. */
  get shed(): number {
    return this.shedCount;
  }

  /** Whether a request may be served; if so, `leave` must be called once it is answered. */
  enter(): boolean {
    if (this.current >= this.max) {
      this.shedCount += 1;
      return false;
    }
    this.current += 1;
    return true;
  }

  readonly leave = (): void => {
    this.current -= 1;
  };
}
