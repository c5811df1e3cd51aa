/**
 * Do Not Disturb names, both ways: GraphQL's camelCase channel fields and upper-case enum values
 * against HighLevel's channel keys (`Call`, `SMS`, ...) and lower-case statuses.
 */
import type { DndStatus, InboundDndStatus } from '../__generated__/resolvers-types';
import type { RestDndChannel, RestDndStatus, RestInboundDndStatus } from '../highlevel/types';

/** GraphQL channel field -> HighLevel channel key. */
export const DND_CHANNELS = {
  call: 'Call',
  email: 'Email',
  sms: 'SMS',
  whatsApp: 'WhatsApp',
  gmb: 'GMB',
  fb: 'FB',
} as const satisfies Record<string, RestDndChannel>;

export type GraphqlDndChannel = keyof typeof DND_CHANNELS;

const DND_STATUS_TO_REST = {
  ACTIVE: 'active',
  INACTIVE: 'inactive',
  PERMANENT: 'permanent',
} as const satisfies Record<DndStatus, RestDndStatus>;

const INBOUND_DND_STATUS_TO_REST = {
  ACTIVE: 'active',
  INACTIVE: 'inactive',
} as const satisfies Record<InboundDndStatus, RestInboundDndStatus>;

export function dndStatusToRest(status: DndStatus): RestDndStatus {
  return DND_STATUS_TO_REST[status];
}

export function inboundDndStatusToRest(status: InboundDndStatus): RestInboundDndStatus {
  return INBOUND_DND_STATUS_TO_REST[status];
}

function invert<K extends string, V extends string>(map: Record<K, V>): ReadonlyMap<string, K> {
  return new Map(Object.entries<V>(map).map(([key, value]) => [value, key as K]));
}

const DND_STATUS_FROM_REST = invert(DND_STATUS_TO_REST);
const INBOUND_DND_STATUS_FROM_REST = invert(INBOUND_DND_STATUS_TO_REST);
const DND_CHANNEL_FROM_REST = invert(DND_CHANNELS);

/** HighLevel status -> GraphQL enum value; undefined for a value the schema does not know. */
export function dndStatusFromRest(status: string): DndStatus | undefined {
  return DND_STATUS_FROM_REST.get(status);
}

export function inboundDndStatusFromRest(status: string): InboundDndStatus | undefined {
  return INBOUND_DND_STATUS_FROM_REST.get(status);
}

/** HighLevel channel key (`Call`) -> GraphQL field (`call`). */
export function dndChannelFromRest(channel: string): GraphqlDndChannel | undefined {
  return DND_CHANNEL_FROM_REST.get(channel);
}
