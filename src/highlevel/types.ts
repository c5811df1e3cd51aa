/**
 * HighLevel REST shapes, as HighLevel's documentation of `PUT /contacts/{contactId}` and its OpenAPI
 * for the Contacts and Users APIs (and their common error schemas) describe them. Nothing GraphQL lives here: codegen mappers point
 * at these types and src/mapping/ translates between them and the schema.
 *
 * Response shapes are what HighLevel *may* send: every field is optional and values are checked where
 * they are read, because an upstream that drifts must never fail a whole GraphQL response.
 */

/** `DndSettingSchema.status`. */
export type RestDndStatus = 'active' | 'inactive' | 'permanent';
/** `InboundDndSettingSchema.status`. */
export type RestInboundDndStatus = 'active' | 'inactive';

/** The upstream channel keys of `dndSettings`, in the contract's order. */
export const REST_DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'] as const;
export type RestDndChannel = (typeof REST_DND_CHANNELS)[number];

export interface RestDndSetting {
  status: RestDndStatus;
  message?: string;
  code?: string;
}

export type RestDndSettings = Partial<Record<RestDndChannel, RestDndSetting>>;

export interface RestInboundDndSetting {
  status: RestInboundDndStatus;
  message?: string;
}

export interface RestInboundDndSettings {
  all?: RestInboundDndSetting;
}

/** A JSON value as it travels on the wire. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * The value a custom field takes in a request: text (TextField, LargeTextField, SingleSelectField,
 * RadioField), a list of text (CheckboxField, MultiSelectField), a number (NumericField, MonetoryField)
 * or an object (FileField).
 */
export type RestCustomFieldValue = string | string[] | number | JsonObject;

/** One item of `UpdateContactDto.customFields`: `id` or `key` names the field. */
export interface RestCustomFieldInput {
  id?: string;
  key?: string;
  field_value: RestCustomFieldValue;
}

/**
 * `UpdateContactDto`: the body of `PUT /contacts/{contactId}`. A key that is absent is not changed
 * upstream; a key whose type allows `null` clears the value when sent as `null`.
 */
export interface RestUpdateContactBody {
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string;
  website?: string | null;
  timezone?: string | null;
  dnd?: boolean;
  dndSettings?: RestDndSettings;
  inboundDndSettings?: RestInboundDndSettings;
  tags?: string[];
  customFields?: RestCustomFieldInput[];
  source?: string | null;
  country?: string;
  assignedTo?: string | null;
  /** The vendor accepts several formats; the gateway always sends `YYYY-MM-DD`. */
  dateOfBirth?: string | null;
}

/**
 * The body of `POST /contacts/` (`CreateContactDto`): the update body's fields, with `source` and
 * `assignedTo` not nullable, plus the required `locationId`, `gender` and `companyName`.
 */
export interface RestCreateContactBody extends Omit<RestUpdateContactBody, 'source' | 'assignedTo'> {
  locationId: string;
  source?: string;
  assignedTo?: string;
  gender?: string;
  companyName?: string | null;
}

/** The body of `POST /contacts/upsert` (`UpsertContactDto`): the create body and one more flag. */
export interface RestUpsertContactBody extends RestCreateContactBody {
  createNewIfDuplicateAllowed?: boolean;
}

/** 200 of `POST /contacts/upsert`: `new` is true when HighLevel created the contact. */
export interface RestUpsertContactResponse {
  new: boolean;
  contact: RestContact;
}

/**
 * `dndSettings` as a contact response carries it. The status is whatever HighLevel sent: an unknown
 * value is the Contact resolver's to fall back on, not a reason to fail the response.
 */
export interface RestContactDndSetting {
  status?: string;
  message?: string;
  code?: string;
}
export type RestContactDndSettings = Partial<Record<RestDndChannel, RestContactDndSetting>>;

export interface RestContactInboundDndSetting {
  status?: string;
  message?: string;
}
export interface RestContactInboundDndSettings {
  all?: RestContactInboundDndSetting;
}

/** `CustomFieldSchema` in a contact response. The value's shape depends on the field's type. */
export interface RestContactCustomField {
  id?: string;
  value?: JsonValue;
}

/** `AttributionSource`. */
export interface RestAttributionSource {
  url?: string;
  campaign?: string | null;
  utmSource?: string | null;
  utmMedium?: string | null;
  utmContent?: string | null;
  referrer?: string | null;
  campaignId?: string | null;
  fbclid?: string | null;
  gclid?: string | null;
  msclikid?: string | null;
  dclid?: string | null;
  fbc?: string | null;
  fbp?: string | null;
  fbEventId?: string | null;
  userAgent?: string | null;
  ip?: string | null;
  medium?: string | null;
  mediumId?: string | null;
}

/** `GetContectByIdSchema` (sic): the contact in the 200 responses of GET and PUT. */
export interface RestContact {
  id: string;
  name?: string | null;
  locationId?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  emailLowerCase?: string | null;
  timezone?: string | null;
  companyName?: string | null;
  phone?: string | null;
  dnd?: boolean | null;
  dndSettings?: RestContactDndSettings | null;
  inboundDndSettings?: RestContactInboundDndSettings | null;
  type?: string | null;
  source?: string | null;
  assignedTo?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  country?: string | null;
  postalCode?: string | null;
  website?: string | null;
  tags?: string[] | null;
  dateOfBirth?: string | null;
  dateAdded?: string | null;
  dateUpdated?: string | null;
  attachments?: string | null;
  ssn?: string | null;
  keyword?: string | null;
  firstNameLowerCase?: string | null;
  fullNameLowerCase?: string | null;
  lastNameLowerCase?: string | null;
  lastActivity?: string | null;
  customFields?: RestContactCustomField[] | null;
  businessId?: string | null;
  attributionSource?: RestAttributionSource | null;
  lastAttributionSource?: RestAttributionSource | null;
  visitorId?: string | null;
}

/** 200 of `PUT /contacts/{contactId}`. */
export interface RestUpdateContactResponse {
  succeded?: boolean;
  contact: RestContact;
}

/** 200 of `GET /contacts/{contactId}`. */
export interface RestGetContactResponse {
  contact: RestContact;
}

/**
 * The documented error bodies (the OpenAPI's common error schemas): `message` is a string for 400/401/403/404 and an
 * array of strings for 422.
 */
export interface RestErrorBody {
  statusCode: number;
  message: string | string[];
  error?: string;
}

/** The rate-limit headers HighLevel sends on every response. */
export const RATE_LIMIT_HEADERS = {
  max: 'x-ratelimit-max',
  remaining: 'x-ratelimit-remaining',
  intervalMs: 'x-ratelimit-interval-milliseconds',
  dailyLimit: 'x-ratelimit-limit-daily',
  dailyRemaining: 'x-ratelimit-daily-remaining',
} as const;

/** `TagsDTO`: the body of `POST` and `DELETE /contacts/{contactId}/tags`. */
export interface RestTagsBody {
  tags: string[];
}

/** 201 of `POST` and 200 of `DELETE /contacts/{contactId}/tags`: the contact's tags after the change. */
export interface RestTagsResponse {
  tags: string[];
}

/** 200 of `DELETE /contacts/{contactId}`: `{ "succeded": true }` (sic, as in the update response). */
export interface RestDeleteContactResponse {
  succeded: true;
}

/** `UserSuccessfulResponseDto`: 200 of `GET /users/{userId}` (the user, not wrapped). */
export interface RestUser {
  id: string;
  name?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
}

/** A search operator (`POST /contacts/search`). */
export type RestSearchOperator = 'eq' | 'not_eq' | 'contains' | 'not_contains' | 'exists' | 'not_exists' | 'range';

/** The bounds of a `range` condition: ISO timestamps for dates, numbers otherwise. */
export type RestSearchRange = Partial<Record<'gt' | 'gte' | 'lt' | 'lte', string | number>>;

/** One condition: `value` is absent for `exists` and `not_exists`. */
export interface RestSearchCondition {
  field: string;
  operator: RestSearchOperator;
  value?: string | number | boolean | string[] | RestSearchRange;
}

/** A group of conditions or groups, combined with AND or OR. */
export interface RestSearchGroup {
  group: 'AND' | 'OR';
  filters: RestSearchFilter[];
}

export type RestSearchFilter = RestSearchCondition | RestSearchGroup;

/** A `searchAfter` value: the sort values of a contact, then its id. */
export type RestSearchAfter = (string | number)[];

/**
 * The body of `POST /contacts/search` (`SearchBodyV2DTO`, which the OpenAPI leaves empty; the contract
 * documents it). The gateway pages with `searchAfter` only, never `page`.
 */
export interface RestSearchBody {
  locationId: string;
  pageLimit: number;
  searchAfter?: RestSearchAfter;
  query?: string;
  filters?: RestSearchFilter[];
  sort?: { field: string; direction: 'asc' | 'desc' }[];
}

/** A contact of a search page, with the `searchAfter` that resumes after it. */
export interface RestSearchHit {
  contact: RestContact;
  searchAfter: RestSearchAfter;
}

/** 200 of `POST /contacts/search`: `total` is undefined when HighLevel did not send a count. */
export interface RestSearchResponse {
  hits: RestSearchHit[];
  /** How many contacts HighLevel sent, the unreadable ones included: a page shorter than asked is the last. */
  received: number;
  total: number | undefined;
}
