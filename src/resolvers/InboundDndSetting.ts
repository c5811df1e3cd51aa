import type { InboundDndSettingResolvers } from '../__generated__/resolvers-types';
import { inboundDndStatusFromRest } from '../mapping/dnd';
import { fromUpstream } from './from-upstream';

export const InboundDndSetting: InboundDndSettingResolvers = {
  status: (setting, _args, context) =>
    fromUpstream(context, 'InboundDndSetting.status', setting.status, inboundDndStatusFromRest),
};
