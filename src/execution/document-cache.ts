/**
 * Parsed and validated documents, by query text, and the compiled queries of their operations: each
 * distinct operation is parsed and validated once, and compiled (graphql-jit) once it runs a second
 * time. The keys come from callers, so the cache is bounded by an estimate of the heap its entries
 * hold (src/execution/memory-estimate.ts), not by their count or their text.
 *
 * It is a segmented LRU: a document seen once waits in a small probation segment and moves to the
 * protected segment when it is asked for again, so a flood of documents sent once each (distinct
 * comments are enough to make them distinct) only churns probation and never evicts the operations
 * a gateway serves all day. A document that does not parse or validate is remembered as such, and
 * the fast path hands it to Apollo Server, which reports the errors.
 */
import { LRUCache } from 'lru-cache';
import {
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { compiledBytes, documentBytes, expandedFields, MAX_COMPILED_FIELDS } from './memory-estimate';
import { hasRecursiveVariables } from './recursive-inputs';

/** `null`: the document has errors; Apollo Server answers it. */
export type CachedDocument = DocumentNode | null;

/** The share of the budget for documents seen once. */
const PROBATION_SHARE = 0.2;
/**
 * Compilations allowed a second (and at once). A compilation costs milliseconds and leaves a few
 * hundred kilobytes of garbage (the generated source, the variable parser's source), so a caller
 * sending each of many distinct documents twice would otherwise make the gateway compile, and
 * collect, without end; an application's operations are a few dozen, compiled within seconds.
 */
const COMPILATIONS_PER_SECOND = 20;

/** What the cache holds for a query text. */
export interface DocumentEntry {
  readonly document: CachedDocument;
}

interface Entry extends DocumentEntry {
  /** Per operation name: `seen` after its first run, then its compiled query (null: not compiled). */
  operations?: Map<string, CompiledQuery | null | 'seen'>;
  /** The estimated heap this entry holds, compiled queries included. */
  readonly bytes: number;
}

export class DocumentCache {
  private readonly probation: LRUCache<string, Entry>;
  private readonly protected: LRUCache<string, Entry>;
  private readonly compilations: TokenBucket;
  private readonly compileSchema: GraphQLSchema;

  constructor(
    private readonly schema: GraphQLSchema,
    /** Must be every rule Apollo Server validates with, or stricter: a document passing here is executed. */
    private readonly rules: readonly ValidationRule[],
    private readonly parseOptions: ParseOptions,
    maxBytes: number,
    {
      compilationsPerSecond = COMPILATIONS_PER_SECOND,
      compileSchema = schema,
    }: {
      compilationsPerSecond?: number;
      /** What graphql-jit compiles against: `schema` with its recursive inputs unrolled (src/schema.ts). */
      compileSchema?: GraphQLSchema;
    } = {},
  ) {
    this.compileSchema = compileSchema;
    this.compilations = new TokenBucket(compilationsPerSecond);
    const sizeCalculation = (entry: Entry) => entry.bytes;
    this.probation = new LRUCache({ maxSize: Math.max(1, Math.floor(maxBytes * PROBATION_SHARE)), sizeCalculation });
    this.protected = new LRUCache({
      maxSize: Math.max(1, Math.ceil(maxBytes * (1 - PROBATION_SHARE))),
      sizeCalculation,
    });
  }

  /** The estimated heap held by the cached entries. */
  get heldBytes(): number {
    return this.probation.calculatedSize + this.protected.calculatedSize;
  }

  /**
   * The entry for `query`, parsed and validated now if it is not cached. `remember: false` answers
   * without caching what was not cached yet (for requests without credentials, which can do nothing
   * upstream: a flood of them then costs the parse, but no memory past the request).
   */
  get(query: string, remember = true): DocumentEntry {
    const hot = this.protected.get(query);
    if (hot !== undefined) return hot;
    const once = this.probation.get(query);
    if (once !== undefined) {
      // Asked for a second time: worth keeping.
      this.probation.delete(query);
      this.protected.set(query, once);
      return once;
    }
    const document = this.parseAndValidate(query);
    const entry: Entry = { document, bytes: documentBytes(query, document) };
    if (remember) this.probation.set(query, entry);
    return entry;
  }

  /**
   * The compiled query of the document's operation, from its second run on: compiling costs
   * milliseconds, which pays back only for operations that repeat. Null on the first run, for an
   * operation graphql-jit cannot compile (one with a recursive input variable, without a compile
   * schema that unrolls it), and for one too large to compile (graphql-js runs those).
   */
  compiled(query: string, found: DocumentEntry, operation: OperationDefinitionNode): CompiledQuery | null {
    const entry = found as Entry;
    const { document } = entry;
    if (document === null) return null;
    const name = operation.name?.value ?? '';
    const operations = (entry.operations ??= new Map());
    const known = operations.get(name);
    if (known === undefined) {
      operations.set(name, 'seen');
      return null;
    }
    if (known !== 'seen') return known;
    // Out of compilations for now: graphql-js runs it, and a later run compiles it.
    if (!this.compilations.take()) return null;
    let compiled: CompiledQuery | null = null;
    if (
      expandedFields(this.compileSchema, document, operation) <= MAX_COMPILED_FIELDS &&
      !hasRecursiveVariables(this.compileSchema, operation)
    ) {
      const result = compileQuery(this.compileSchema, document, operation.name?.value, {
        disablingCapturingStackErrors: true,
      });
      compiled = isCompiledQuery(result) ? result : null;
    }
    operations.set(name, compiled);
    if (compiled) this.grow(query, entry, compiledBytes(this.compileSchema, query, document, operation));
    return compiled;
  }

  /** Charges an entry for what it now also holds (lru-cache sizes a key again only for a new value). */
  private grow(query: string, entry: Entry, bytes: number): void {
    const grown: Entry = { ...entry, bytes: entry.bytes + bytes };
    if (this.protected.has(query)) this.protected.set(query, grown);
    else if (this.probation.has(query)) this.probation.set(query, grown);
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

/** `perSecond` tokens a second, at most `perSecond` saved up. */
class TokenBucket {
  private tokens: number;
  private updatedAt = performance.now();

  constructor(private readonly perSecond: number) {
    this.tokens = perSecond;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.perSecond, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
