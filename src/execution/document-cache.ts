/**
 * Parsed and validated documents, by query text, so each distinct operation is parsed and validated
 * once. Bounded by the bytes of query text it holds (least recently used evicted first), because the
 * keys come from callers. A document that does not parse or validate is remembered as such: the fast
 * path hands it to Apollo Server, which reports the errors.
 */
import { LRUCache } from 'lru-cache';
import {
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';

/** `null`: the document has errors; Apollo Server answers it. */
export type CachedDocument = DocumentNode | null;

export class DocumentCache {
  private readonly cache: LRUCache<string, { document: CachedDocument }>;

  constructor(
    private readonly schema: GraphQLSchema,
    /** Must be every rule Apollo Server validates with, or stricter: a document passing here is executed. */
    private readonly rules: readonly ValidationRule[],
    private readonly parseOptions: ParseOptions,
    maxBytes: number,
  ) {
    this.cache = new LRUCache({ maxSize: maxBytes, sizeCalculation: (_value, query) => Math.max(1, query.length) });
  }

  get(query: string): CachedDocument {
    const cached = this.cache.get(query);
    if (cached !== undefined) return cached.document;
    const document = this.parseAndValidate(query);
    if (query.length <= this.cache.maxSize) this.cache.set(query, { document });
    return document;
  }

  private parseAndValidate(query: string): CachedDocument {
    let document: DocumentNode;
    try {
      document = parse(query, this.parseOptions);
    } catch {
      return null;
    }
    return validate(this.schema, document, this.rules).length === 0 ? document : null;
  }
}
