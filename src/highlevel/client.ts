/**
 * The HighLevel client of one GraphQL request: the shared transport plus this caller's credentials.
 * Built per request in src/request/context.ts and never shared, so no call can carry another caller's token.
 */
import type { Limit } from '../request/concurrency';
import type { Credentials } from '../request/credentials';
import type { CallObservers, HighLevelTransport, UpstreamRequest } from './http';
import { failed, type BodyReader, type UpstreamResult } from './outcome';

export class HighLevelClient {
  /**
   * Set once HighLevel has rejected this caller's token (401): no later call can succeed with it, so
   * the request's remaining calls (the rest of a 200-representation `_entities`, say) are answered
   * with the same failure without being sent. A 403 does not stop them: it is about one resource
   * (a contact of another location), and the token's other calls may well succeed.
   */
  private rejected: UpstreamResult<never> | undefined;

  constructor(
    private readonly transport: HighLevelTransport,
    private readonly credentials: Credentials,
    /** Bounds this request's upstream calls in flight. */
    private readonly limit: Limit,
    /** This request's log line and span, which see its upstream calls. */
    private readonly observers: CallObservers = {},
  ) {}

  /** Calls HighLevel with the caller's token; without a usable token, answers without calling. */
  call<T>(request: UpstreamRequest, read: BodyReader<T>): Promise<UpstreamResult<T>> {
    switch (this.credentials.kind) {
      case 'bearer': {
        const { token } = this.credentials;
        return this.limit(async () => {
          if (this.rejected) return this.rejected;
          const result = await this.transport.send(token, request, read, this.observers);
          if (!result.ok && result.failure.kind === 'unauthenticated') this.rejected = result;
          return result;
        });
      }
      case 'missing':
        return Promise.resolve(
          failed({
            kind: 'unauthenticated',
            reason: 'missing-credentials',
            message: 'Send your HighLevel access token in the Authorization header: "Bearer <token>".',
          }),
        );
      case 'malformed':
        return Promise.resolve(
          failed({
            kind: 'unauthenticated',
            reason: 'malformed-credentials',
            message: 'The Authorization header must be "Bearer <token>" with a single well-formed token.',
          }),
        );
    }
  }
}
