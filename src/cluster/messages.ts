/**
 * What the primary and its workers say to each other over the cluster's IPC channel. Every message of
 * the gateway's own carries a `type` starting `hlgw:`, so prom-client's own messages pass untouched.
 */
export interface MetricsRequest {
  type: 'hlgw:metrics-request';
  id: number;
}

export interface MetricsResponse {
  type: 'hlgw:metrics-response';
  id: number;
  /** The whole group's metrics in the Prometheus text format; undefined when they could not be gathered. */
  text: string | undefined;
}

/** The group as the primary sees it, sent to every worker on each change. */
export interface GroupState {
  type: 'hlgw:group';
  /** Workers running now. */
  running: number;
  /** Workers the group should have (WORKERS). */
  configured: number;
}

export type GatewayMessage = MetricsRequest | MetricsResponse | GroupState;

export function isGatewayMessage(message: unknown): message is GatewayMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    'type' in message &&
    typeof message.type === 'string' &&
    message.type.startsWith('hlgw:')
  );
}
