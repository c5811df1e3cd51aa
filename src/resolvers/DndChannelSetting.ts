import type { DndChannelSettingResolvers } from '../__generated__/resolvers-types';
import { dndStatusFromRest } from '../mapping/dnd';
import { fromUpstream } from './from-upstream';

export const DndChannelSetting: DndChannelSettingResolvers = {
  status: (setting, _args, context) =>
    fromUpstream(context, 'DndChannelSetting.status', setting.status, dndStatusFromRest),
};
