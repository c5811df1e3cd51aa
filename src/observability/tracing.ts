/**
 * OpenTelemetry tracing: one SERVER span per GraphQL request (a child of the caller's `traceparent`,
 * e.g. the router's) and one CLIENT span per upstream attempt, whose context goes to HighLevel as a
 * W3C `traceparent`. Spans are parented explicitly through the request's context rather than through
 * async-hooks context propagation, so nothing is set up when tracing is off and no span can be
 * attached to another caller's request.
 *
 * Attributes name endpoints by template (`PUT /contacts/{contactId}`): no token, no contact id, no
 * upstream URL and no variables ever go into a span.
 */
import type { IncomingHttpHeaders } from 'node:http';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

const TRACER_NAME = 'highlevel-contacts-gateway';
const propagator = new W3CTraceContextPropagator();

const incomingHeaders: TextMapGetter<IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};
const outgoingHeaders: TextMapSetter<Record<string, string>> = {
  set: (carrier, key, value) => {
    carrier[key] = value;
  },
};

/** A tracer provider the gateway can flush and close on shutdown (the SDK's BasicTracerProvider is one). */
export interface ClosableTracerProvider extends TracerProvider {
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

export class Tracing {
  private readonly tracer: Tracer;

  constructor(private readonly provider: ClosableTracerProvider) {
    this.tracer = provider.getTracer(TRACER_NAME);
  }

  /** Starts the span of one request to the GraphQL endpoint, continuing the caller's trace if it sent one. */
  startRequest(method: string, headers: IncomingHttpHeaders): RequestSpan {
    const parent = propagator.extract(ROOT_CONTEXT, headers, incomingHeaders);
    const span = this.tracer.startSpan(
      'GraphQL Operation',
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': method, 'http.route': '/graphql' } },
      parent,
    );
    return new RequestSpan(this.tracer, span, trace.setSpan(parent, span));
  }

  /** Exports what is buffered, then stops; called once on shutdown. */
  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }
}

/** What the operation turned out to be, once Apollo Server has parsed and run it. */
export interface OperationDescription {
  type: string;
  name: string | null;
  /** The result member of each root field, e.g. `UpdateContactSuccess`. */
  results: readonly string[];
  /** The response carried GraphQL errors (not union error members: those are answers). */
  failed: boolean;
}

export class RequestSpan {
  constructor(
    private readonly tracer: Tracer,
    private readonly span: Span,
    private readonly context: Context,
  ) {}

  get traceId(): string {
    return this.span.spanContext().traceId;
  }

  describe({ type, name, results, failed }: OperationDescription): void {
    // The GraphQL semantic conventions' span name: `{type} {name}`, or the type alone.
    this.span.updateName(name === null ? type : `${type} ${name}`);
    this.span.setAttributes({
      'graphql.operation.type': type,
      ...(name === null ? {} : { 'graphql.operation.name': name }),
      'graphql.results': [...results],
    });
    if (failed) this.span.setStatus({ code: SpanStatusCode.ERROR, message: 'GraphQL errors' });
  }

  /** The caller's rate budget was spent, so an upstream call was not made. */
  held(endpoint: string): void {
    this.span.addEvent('upstream call held: rate budget spent', { 'url.template': templateOf(endpoint) });
  }

  /** A call the gateway did not send: it could not plausibly finish before the request's deadline. */
  notSent(endpoint: string): void {
    this.span.addEvent('upstream call not sent: it could not finish before its deadline', {
      'url.template': templateOf(endpoint),
    });
  }

  startUpstream(method: string, endpoint: string, attempt: number): UpstreamSpan {
    const span = this.tracer.startSpan(
      endpoint,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': method,
          'url.template': templateOf(endpoint),
          ...(attempt > 1 ? { 'http.request.resend_count': attempt - 1 } : {}),
        },
      },
      this.context,
    );
    return new UpstreamSpan(span);
  }

  end(statusCode: number): void {
    this.span.setAttribute('http.response.status_code', statusCode);
    if (statusCode >= 500) this.span.setStatus({ code: SpanStatusCode.ERROR });
    this.span.end();
  }
}

export class UpstreamSpan {
  constructor(private readonly span: Span) {}

  /** Adds `traceparent` (and `tracestate`) naming this span as the parent of HighLevel's work. */
  inject(headers: Record<string, string>): void {
    propagator.inject(trace.setSpan(ROOT_CONTEXT, this.span), headers, outgoingHeaders);
  }

  /** `outcome` is `ok` or the failure kind (`not-found`, `timeout`, ...). */
  end(status: number | null, outcome: string): void {
    if (status !== null) this.span.setAttribute('http.response.status_code', status);
    if (outcome !== 'ok') {
      this.span.setAttribute('error.type', status !== null && outcome !== 'bad-response' ? String(status) : outcome);
      this.span.setStatus({ code: SpanStatusCode.ERROR });
    }
    this.span.end();
  }
}

/** `PUT /contacts/{contactId}` -> `/contacts/{contactId}`. */
function templateOf(endpoint: string): string {
  const space = endpoint.indexOf(' ');
  return space === -1 ? endpoint : endpoint.slice(space + 1);
}
