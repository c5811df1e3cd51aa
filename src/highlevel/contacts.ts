/**
 * HighLevel's contacts resource: `POST /contacts/`, `POST /contacts/upsert`, `POST /contacts/search`,
 * `GET`, `PUT` and `DELETE /contacts/{contactId}`, and its tags. One instance per GraphQL request (it
 * holds that caller's client). Bodies are read into REST shapes; GraphQL is not known here.
 */
import type { Logger } from '../logging/logger';
import type { HighLevelClient } from './client';
import type { UpstreamResult } from './outcome';
import { readContact, readContactEnvelope } from './read-contact';
import { readSearchAfter } from './search-after';
import type {
  RestContact,
  RestCreateContactBody,
  RestDeleteContactResponse,
  RestSearchBody,
  RestSearchHit,
  RestSearchResponse,
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

  /**
   * `POST /contacts/upsert` with the body exactly as given: the contact, and whether it is new. Sent
   * with the one `Version` HighLevel documents for it, whatever HIGHLEVEL_API_VERSION says.
   */
  upsert(body: RestUpsertContactBody): Promise<UpstreamResult<RestUpsertContactResponse>> {
    return this.client.call(
      {
        method: 'POST',
        endpoint: 'POST /contacts/upsert',
        segments: ['contacts', 'upsert'],
        body,
        version: UPSERT_API_VERSION,
      },
      (json) => {
        if (typeof json !== 'object' || json === null || !('new' in json) || typeof json.new !== 'boolean')
          return undefined;
        const contact = this.readContact(json, 'POST /contacts/upsert');
        return contact && { new: json.new, contact };
      },
    );
  }

  /**
   * `POST /contacts/search`: a page of contacts, each with its `searchAfter`. It changes nothing, so it
   * is retried and admitted as a read.
   */
  search(body: RestSearchBody): Promise<UpstreamResult<RestSearchResponse>> {
    return this.client.call(
      { method: 'POST', endpoint: 'POST /contacts/search', segments: ['contacts', 'search'], body, readOnly: true },
      (json) => this.readSearch(json),
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
    if (read) this.warnDropped(endpoint, read.dropped);
    return read?.contact;
  }

  /**
   * `{ contacts: [...], total }`. A contact without an id or without a usable `searchAfter` (nothing
   * could resume after it) is left out of the page and named in one `warn` line; a body without a
   * `contacts` array is not a search answer.
   */
  private readSearch(json: unknown): RestSearchResponse | undefined {
    if (!isRecord(json) || !Array.isArray(json.contacts)) return undefined;
    const hits: RestSearchHit[] = [];
    const dropped: string[] = [];
    json.contacts.forEach((raw: unknown, index) => {
      const read = readContact(raw);
      const searchAfter = readSearchAfter(isRecord(raw) ? raw.searchAfter : undefined);
      if (!read || !searchAfter) {
        dropped.push(read ? `contacts.${index}.searchAfter` : `contacts.${index}`);
        return;
      }
      for (const field of read.dropped) dropped.push(`contacts.${index}.${field}`);
      hits.push({ contact: read.contact, searchAfter });
    });
    this.warnDropped('POST /contacts/search', dropped);
    return { hits, received: json.contacts.length, total: readTotal(json) };
  }

  private warnDropped(endpoint: string, dropped: string[]): void {
    if (dropped.length === 0) return;
    // Field names only: values are customer data. A page of drifting contacts names at most a few.
    this.logger.warn(
      { upstream: { endpoint, dropped: dropped.slice(0, MAX_DROPPED_NAMED), droppedCount: dropped.length } },
      'upstream contact had fields off the contract',
    );
  }
}

const MAX_DROPPED_NAMED = 20;
/** The contract: "The vendor documentation shows the Version `2021-07-28` for this endpoint." */
const UPSERT_API_VERSION = '2021-07-28';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The live API's `total` (the OpenAPI's `count` where `total` is missing): a whole number, or unknown. */
function readTotal(json: Record<string, unknown>): number | undefined {
  for (const key of ['total', 'count']) {
    const value = json[key];
    if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  }
  return undefined;
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
