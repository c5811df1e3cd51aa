/**
 * HighLevel's contacts resource: `POST /contacts/`, `GET`, `PUT` and `DELETE /contacts/{contactId}`,
 * and its tags. One instance per GraphQL
 * request (it holds that caller's client). Bodies are read into REST shapes; GraphQL is not known here.
 */
import type { Logger } from '../logging/logger';
import type { HighLevelClient } from './client';
import type { UpstreamResult } from './outcome';
import { readContactEnvelope } from './read-contact';
import type {
  RestContact,
  RestCreateContactBody,
  RestDeleteContactResponse,
  RestTagsResponse,
  RestUpdateContactBody,
  RestUpsertContactBody,
  RestUpsertContactResponse,
} from './types';

export class ContactsApi {
  constructor(
    private readonly client: HighLevelClient,
    private readonly logger: Logger,
  ) {}

  /** `GET /contacts/{contactId}`. */
  get(contactId: string): Promise<UpstreamResult<RestContact>> {
    return this.client.call(
      { method: 'GET', endpoint: 'GET /contacts/{contactId}', segments: ['contacts', contactId] },
      (json) => this.readContact(json, 'GET /contacts/{contactId}'),
    );
  }

  /** `PUT /contacts/{contactId}` with the body exactly as given: absent keys stay absent. */
  update(contactId: string, body: RestUpdateContactBody): Promise<UpstreamResult<RestContact>> {
    return this.client.call(
      { method: 'PUT', endpoint: 'PUT /contacts/{contactId}', segments: ['contacts', contactId], body },
      (json) => this.readContact(json, 'PUT /contacts/{contactId}'),
    );
  }

  /** `POST /contacts/` with the body exactly as given: answers the new contact (201). */
  create(body: RestCreateContactBody): Promise<UpstreamResult<RestContact>> {
    return this.client.call(
      // The documented path ends in a slash: an empty last segment.
      { method: 'POST', endpoint: 'POST /contacts/', segments: ['contacts', ''], body },
      (json) => this.readContact(json, 'POST /contacts/'),
    );
  }

  /** `POST /contacts/upsert` with the body exactly as given: the contact, and whether it is new. */
  upsert(body: RestUpsertContactBody): Promise<UpstreamResult<RestUpsertContactResponse>> {
    return this.client.call(
      { method: 'POST', endpoint: 'POST /contacts/upsert', segments: ['contacts', 'upsert'], body },
      (json) => {
        if (typeof json !== 'object' || json === null || !('new' in json) || typeof json.new !== 'boolean')
          return undefined;
        const contact = this.readContact(json, 'POST /contacts/upsert');
        return contact && { new: json.new, contact };
      },
    );
  }

  /** `DELETE /contacts/{contactId}`. */
  delete(contactId: string): Promise<UpstreamResult<RestDeleteContactResponse>> {
    return this.client.call(
      { method: 'DELETE', endpoint: 'DELETE /contacts/{contactId}', segments: ['contacts', contactId] },
      readDeleted,
    );
  }

  /** `POST /contacts/{contactId}/tags`: adds tags, answers the contact's tags. */
  addTags(contactId: string, tags: string[]): Promise<UpstreamResult<RestTagsResponse>> {
    return this.client.call(
      {
        method: 'POST',
        endpoint: 'POST /contacts/{contactId}/tags',
        segments: ['contacts', contactId, 'tags'],
        body: { tags },
      },
      readTags,
    );
  }

  /** `DELETE /contacts/{contactId}/tags`: removes tags, answers the contact's tags. */
  removeTags(contactId: string, tags: string[]): Promise<UpstreamResult<RestTagsResponse>> {
    return this.client.call(
      {
        method: 'DELETE',
        endpoint: 'DELETE /contacts/{contactId}/tags',
        segments: ['contacts', contactId, 'tags'],
        body: { tags },
      },
      readTags,
    );
  }

  private readContact(json: unknown, endpoint: string): RestContact | undefined {
    const read = readContactEnvelope(json);
    if (read && read.dropped.length > 0) {
      // Field names only: values are customer data.
      this.logger.warn(
        { upstream: { endpoint, dropped: read.dropped } },
        'upstream contact had fields off the contract',
      );
    }
    return read?.contact;
  }
}

/** The documented `{ succeded: true }`; anything else did not say the contact was deleted. */
function readDeleted(json: unknown): RestDeleteContactResponse | undefined {
  return typeof json === 'object' && json !== null && 'succeded' in json && json.succeded === true
    ? { succeded: true }
    : undefined;
}

function readTags(json: unknown): RestTagsResponse | undefined {
  if (typeof json !== 'object' || json === null || !('tags' in json) || !Array.isArray(json.tags)) return undefined;
  return { tags: json.tags.filter((tag): tag is string => typeof tag === 'string') };
}
