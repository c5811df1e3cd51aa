import type { DndSettingsResolvers } from '../__generated__/resolvers-types';
import { DND_CHANNELS } from '../mapping/dnd';

/** GraphQL channel fields read HighLevel's channel keys (`call` <- `Call`). */
export const DndSettings: DndSettingsResolvers = {
  call: (settings) => settings[DND_CHANNELS.call] ?? null,
  email: (settings) => settings[DND_CHANNELS.email] ?? null,
  sms: (settings) => settings[DND_CHANNELS.sms] ?? null,
  whatsApp: (settings) => settings[DND_CHANNELS.whatsApp] ?? null,
  gmb: (settings) => settings[DND_CHANNELS.gmb] ?? null,
  fb: (settings) => settings[DND_CHANNELS.fb] ?? null,
};
