import type { CustomFieldResolvers } from '../__generated__/resolvers-types';
import { customFieldValueFromRest } from '../mapping/contact-values';

export const CustomField: CustomFieldResolvers = {
  id: (field) => field.id ?? '',
  value: (field, _args, context) => {
    const value = customFieldValueFromRest(field.value);
    if (value === undefined) {
      context.logger.warn({ field: 'CustomField.value' }, 'upstream value outside the schema; answered null');
      return null;
    }
    return value;
  },
};
