import type { ContactEdgeResolvers } from '../__generated__/resolvers-types';
import { encodeCursor } from '../mapping/search-cursor';

/** An edge is HighLevel's search hit: its cursor is made only when a client selects it. */
export const ContactEdge: ContactEdgeResolvers = {
  cursor: (hit) => encodeCursor(hit.searchAfter),
  node: (hit) => hit.contact,
};
