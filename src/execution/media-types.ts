/**
 * The response content type Apollo Server chooses for a single result (graphql 16 never answers
 * incrementally), from the request's Accept header, with the same negotiator and offer. Callers send
 * few distinct Accept values, so answers are remembered, in a map bounded in entries and in their
 * length: the header is the caller's.
 */
import Negotiator from 'negotiator';

const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
const OFFERED = [APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, 'application/json; callbackSpec=1.0; charset=utf-8'];
const MAX_REMEMBERED = 256;
// Only short values are remembered, so the map holds at most MAX_REMEMBERED × this many characters.
const MAX_REMEMBERED_LENGTH = 256;

export class ResponseMediaTypes {
  private readonly remembered = new Map<string, string | undefined>();

  /** `undefined` for what is left to Apollo Server: a 406, or the callback spec. */
  choose(accept: string | undefined): string | undefined {
    if (accept === undefined || accept === '') return APPLICATION_JSON;
    if (this.remembered.has(accept)) return this.remembered.get(accept);
    const preferred = new Negotiator({ headers: { accept } }).mediaType(OFFERED);
    const answer = preferred === APPLICATION_JSON || preferred === GRAPHQL_RESPONSE_JSON ? preferred : undefined;
    if (this.remembered.size < MAX_REMEMBERED && accept.length <= MAX_REMEMBERED_LENGTH)
      this.remembered.set(accept, answer);
    return answer;
  }
}
