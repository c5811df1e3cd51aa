/**
 * HighLevel's users resource: `GET /users/{userId}`. One instance per GraphQL request.
 */
import type { HighLevelClient } from './client';
import type { UpstreamResult } from './outcome';
import type { RestUser } from './types';

const USER_FIELDS = ['name', 'firstName', 'lastName', 'email', 'phone'] as const;

export class UsersApi {
  constructor(private readonly client: HighLevelClient) {}

  /** `GET /users/{userId}`. */
  get(userId: string): Promise<UpstreamResult<RestUser>> {
    return this.client.call({ method: 'GET', endpoint: 'GET /users/{userId}', segments: ['users', userId] }, readUser);
  }
}

/** The documented user fields with string values; undefined without a string id. */
export function readUser(json: unknown): RestUser | undefined {
  if (typeof json !== 'object' || json === null || !('id' in json) || typeof json.id !== 'string') return undefined;
  const source = json as Record<string, unknown>;
  const user: RestUser = { id: json.id };
  for (const field of USER_FIELDS) {
    const value = source[field];
    if (typeof value === 'string') user[field] = value;
  }
  return user;
}
