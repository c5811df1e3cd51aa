/**
 * The simulated endpoints: a table of method + path pattern -> handler, so an endpoint is one line here
 * and one function below. Handlers run after authentication, the Version check and the rate limiter,
 * and answer synchronously.
 */
import { randomUUID } from 'node:crypto';
import type {
  RestContact,
  RestCreateContactBody,
  RestUpdateContactBody,
  RestUpsertContactBody,
} from '../../highlevel/types';
import * as answers from './answers';
import type { Answer } from './answers';
import { applyUpdate } from './apply-update';
import { readSearchBody, search } from './search';
import type { ReceivedRequest } from './simulator';
import type { SimulatorStore } from './store';
import { validateCreateBody, validateTagsBody, validateUpdateBody, validateUpsertBody } from './validate-update';

/** Who is calling: the token and the location it was issued for. */
export interface Caller {
  token: string;
  locationId: string;
}

interface Call {
  store: SimulatorStore;
  caller: Caller;
  /** The path parameters, percent-decoded. */
  params: string[];
  request: ReceivedRequest;
}

interface Route {
  method: string;
  /** Matched against the path without its query string; the capture groups are the parameters. */
  pattern: RegExp;
  handle(call: Call): Answer;
}

const ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/contacts\/([^/]+)$/, handle: readContact },
  { method: 'PUT', pattern: /^\/contacts\/([^/]+)$/, handle: updateContact },
  { method: 'DELETE', pattern: /^\/contacts\/([^/]+)$/, handle: deleteContact },
  { method: 'POST', pattern: /^\/contacts\/?$/, handle: createContact },
  { method: 'POST', pattern: /^\/contacts\/upsert$/, handle: upsertContact },
  { method: 'POST', pattern: /^\/contacts\/search$/, handle: searchContacts },
  { method: 'POST', pattern: /^\/contacts\/([^/]+)\/tags$/, handle: (call) => changeTags(call, 'add') },
  { method: 'DELETE', pattern: /^\/contacts\/([^/]+)\/tags$/, handle: (call) => changeTags(call, 'remove') },
  { method: 'GET', pattern: /^\/users\/([^/]+)$/, handle: readUser },
];

/** The answer of the route that serves the request, or NestJS's 404 when none does. */
export function route(store: SimulatorStore, caller: Caller, request: ReceivedRequest): Answer {
  const path = request.path.split('?', 1)[0] ?? '';
  for (const candidate of ROUTES) {
    const match = candidate.method === request.method ? candidate.pattern.exec(path) : null;
    if (!match) continue;
    const params = decodeParams(match.slice(1));
    return params ? candidate.handle({ store, caller, params, request }) : answers.badRequest();
  }
  return answers.noRoute(request.method, request.path);
}

/** Undefined when a parameter is not valid percent-encoding (`%E0`). */
function decodeParams(raw: string[]): string[] | undefined {
  try {
    return raw.map((param) => decodeURIComponent(param));
  } catch {
    return undefined;
  }
}

/** The contact as the caller may see it, or the answer for an unknown id (a 400) or another location's (403). */
function visibleContact({ store, caller, params }: Call): RestContact | Answer {
  const id = params[0] ?? '';
  const contact = store.contact(id);
  if (!contact) return answers.unknownContact(id);
  if (contact.locationId !== caller.locationId) return answers.forbiddenLocation();
  return contact;
}

function isAnswer(value: RestContact | Answer): value is Answer {
  return 'status' in value;
}

/** The body when it was sent as JSON and is a JSON object; undefined otherwise (a 400). */
function jsonObjectBody(request: ReceivedRequest): Record<string, unknown> | undefined {
  const mediaType = (request.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
  const { body } = request;
  if (mediaType !== 'application/json' || typeof body !== 'object' || body === null || Array.isArray(body))
    return undefined;
  return body as Record<string, unknown>;
}

function readContact(call: Call): Answer {
  const contact = visibleContact(call);
  return isAnswer(contact) ? contact : { status: 200, body: { contact } };
}

/** As NestJS orders it: the body's parse (400) and validation (422) before the handler looks the contact up. */
function updateContact(call: Call): Answer {
  const body = jsonObjectBody(call.request);
  if (!body) return answers.badRequest();
  const problems = validateUpdateBody(body);
  if (problems.length > 0) return answers.unprocessable(problems);
  const contact = visibleContact(call);
  if (isAnswer(contact)) return contact;
  // The body passed UpdateContactDto's checks above, so it has that shape.
  const result = applyUpdate(contact, body as RestUpdateContactBody, call.store.customFields(call.caller.locationId));
  if ('problems' in result) return answers.unprocessable(result.problems);
  call.store.putContact(result.contact);
  return { status: 200, body: { succeded: true, contact: result.contact } };
}

/**
 * `POST /contacts/`: 201 and the new contact; 403 for another location than the token's; the
 * duplicate 400 (with the existing contact in `meta`) where the location allows no duplicates.
 */
function createContact({ store, caller, request }: Call): Answer {
  const body = jsonObjectBody(request);
  if (!body) return answers.badRequest();
  const problems = validateCreateBody(body);
  if (problems.length > 0) return answers.unprocessable(problems);
  const create = body as unknown as RestCreateContactBody; // CreateContactDto checked above
  if (create.locationId !== caller.locationId) return answers.forbiddenLocation();
  const duplicate = store.duplicateOf(create.locationId, create);
  if (duplicate) return answers.duplicateContact(duplicate.contact, duplicate.matchingField);
  const result = storeContact(store, { id: store.newContactId(), locationId: create.locationId }, create);
  return 'contact' in result ? { status: 201, body: { contact: result.contact } } : result;
}

/**
 * `POST /contacts/upsert`: the contact the body's email (then phone) matches is updated (`new: false`)
 * whatever the duplicate setting; none matching, or the location allowing duplicates and the body
 * asking for `createNewIfDuplicateAllowed`, a contact is created (`new: true`). 200 either way.
 */
function upsertContact({ store, caller, request }: Call): Answer {
  const body = jsonObjectBody(request);
  if (!body) return answers.badRequest();
  const problems = validateUpsertBody(body);
  if (problems.length > 0) return answers.unprocessable(problems);
  const { createNewIfDuplicateAllowed, ...upsert } = body as unknown as RestUpsertContactBody; // checked above
  if (upsert.locationId !== caller.locationId) return answers.forbiddenLocation();
  const forceNew = createNewIfDuplicateAllowed === true && store.duplicatesAllowedIn(upsert.locationId);
  const matched = forceNew ? undefined : store.match(upsert.locationId, upsert)?.contact;
  const result = storeContact(store, matched ?? { id: store.newContactId(), locationId: upsert.locationId }, upsert);
  if (!('contact' in result)) return result;
  return { status: 200, body: { new: matched === undefined, contact: result.contact, traceId: randomUUID() } };
}

/**
 * Applies a create body to `target` (a stored contact, or a new one with only its id and location)
 * and stores the result; the 422 when a custom field does not resolve.
 */
function storeContact(
  store: SimulatorStore,
  target: RestContact,
  { locationId, gender, companyName, ...fields }: RestCreateContactBody,
): { contact: RestContact } | Answer {
  const now = new Date();
  const base: RestContact = { ...target, dateAdded: target.dateAdded ?? now.toISOString() };
  const result = applyUpdate(base, fields, store.customFields(locationId), now);
  if ('problems' in result) return answers.unprocessable(result.problems);
  // HighLevel keeps `gender` though no contact field of the schema reads it.
  const contact: RestContact & { gender?: string } = { ...result.contact };
  if (companyName === null) delete contact.companyName;
  else if (companyName) contact.companyName = companyName;
  if (gender) contact.gender = gender;
  store.putContact(contact);
  return { contact };
}

/**
 * `POST /contacts/search`: 200 with a page of the location's contacts (each with its `searchAfter`)
 * and `total`; 422 for a body off the contract; 403 for another location than the token's.
 */
function searchContacts({ store, caller, request }: Call): Answer {
  const body = jsonObjectBody(request);
  if (!body) return answers.badRequest();
  const read = readSearchBody(body);
  if (Array.isArray(read)) return answers.unprocessable(read);
  if (read.locationId !== caller.locationId) return answers.forbiddenLocation();
  return { status: 200, body: search(store.contactsIn(read.locationId), read) };
}

/** `{ "succeded": true }` (sic), and the contact is gone: a later read is the unknown-id 400. */
function deleteContact(call: Call): Answer {
  const contact = visibleContact(call);
  if (isAnswer(contact)) return contact;
  call.store.deleteContact(contact.id);
  return { status: 200, body: { succeded: true } };
}

/** `POST` adds (201) and `DELETE` removes (200) tags; both answer the contact's tags after the change. */
function changeTags(call: Call, change: 'add' | 'remove'): Answer {
  const body = jsonObjectBody(call.request);
  if (!body) return answers.badRequest();
  const problems = validateTagsBody(body);
  if (problems.length > 0) return answers.unprocessable(problems);
  const contact = visibleContact(call);
  if (isAnswer(contact)) return contact;
  const tags = body.tags as string[]; // TagsDTO checked above
  const current = contact.tags ?? [];
  const next = change === 'add' ? [...new Set([...current, ...tags])] : current.filter((tag) => !tags.includes(tag));
  call.store.putContact({ ...contact, tags: next, dateUpdated: new Date().toISOString() });
  return { status: change === 'add' ? 201 : 200, body: { tags: next } };
}

function readUser({ store, params }: Call): Answer {
  const user = store.user(params[0] ?? '');
  return user ? { status: 200, body: user } : answers.notFound('User');
}
