/**
 * The simulator's data: tokens and the location each one belongs to, contacts, users, and each
 * location's custom field definitions. Everything goes in and comes out as a copy, so a caller holding
 * an object can never change what the API serves.
 */
import type { RestContact, RestUser } from '../../highlevel/types';
import { withDefinition, type CustomFieldDefinition } from './custom-fields';

export class SimulatorStore {
  private readonly tokens = new Map<string, string>();
  private readonly contacts = new Map<string, RestContact>();
  /** The ids of contacts by location and email (lower case), and by location and phone (its digits). */
  private readonly byEmail = new Map<string, Set<string>>();
  private readonly byPhone = new Map<string, Set<string>>();
  private readonly byLocation = new Map<string, Set<string>>();
  private readonly users = new Map<string, RestUser>();
  private readonly fields = new Map<string, readonly CustomFieldDefinition[]>();
  /** Locations whose "Allow Duplicate Contact" setting is on (off by default, as in HighLevel). */
  private readonly duplicatesAllowed = new Set<string>();
  private lastId = 0;

  addToken(token: string, locationId: string): void {
    this.tokens.set(token, locationId);
  }

  /** The location a token may act on, undefined for a token that was never issued. */
  locationOf(token: string): string | undefined {
    return this.tokens.get(token);
  }

  putContact(contact: RestContact): void {
    if (!contact.locationId) throw new Error(`simulated contact ${contact.id} needs a locationId`);
    this.reindex(contact.id, this.contacts.get(contact.id), contact);
    this.contacts.set(contact.id, structuredClone(contact));
  }

  contact(id: string): RestContact | undefined {
    const contact = this.contacts.get(id);
    return contact && structuredClone(contact);
  }

  deleteContact(id: string): void {
    this.reindex(id, this.contacts.get(id), undefined);
    this.contacts.delete(id);
  }

  /**
   * The location's contacts, as stored: for reading only, and only until the next change. A search
   * reads every contact of a location, and copying each would cost more than the search itself.
   */
  *contactsIn(locationId: string): IterableIterator<Readonly<RestContact>> {
    for (const id of this.byLocation.get(locationId) ?? []) {
      const contact = this.contacts.get(id);
      if (contact) yield contact;
    }
  }

  /** A new contact id, 20 characters like HighLevel's. */
  newContactId(): string {
    this.lastId += 1;
    return `simContact${String(this.lastId).padStart(10, '0')}`;
  }

  allowDuplicates(locationId: string, allowed: boolean): void {
    if (allowed) this.duplicatesAllowed.add(locationId);
    else this.duplicatesAllowed.delete(locationId);
  }

  duplicatesAllowedIn(locationId: string): boolean {
    return this.duplicatesAllowed.has(locationId);
  }

  /**
   * The contact of `locationId` that `email` or `phone` matches, and the field it matched on (email
   * first, then phone, compared as HighLevel does: email without case, phone by its digits).
   */
  match(
    locationId: string,
    { email, phone }: { email?: string | null; phone?: string | null },
  ): { contact: RestContact; matchingField: 'email' | 'phone' } | undefined {
    const first = (ids: Set<string> | undefined) => {
      const id = ids?.values().next().value;
      const contact = id === undefined ? undefined : this.contacts.get(id);
      return contact && structuredClone(contact);
    };
    const byEmail = email ? first(this.byEmail.get(emailKey(locationId, email))) : undefined;
    if (byEmail) return { contact: byEmail, matchingField: 'email' };
    const byPhone =
      phone && phoneKey(locationId, phone) ? first(this.byPhone.get(phoneKey(locationId, phone))) : undefined;
    return byPhone ? { contact: byPhone, matchingField: 'phone' } : undefined;
  }

  /** The match a new contact would duplicate; undefined when the location allows duplicates. */
  duplicateOf(
    locationId: string,
    keys: { email?: string | null; phone?: string | null },
  ): { contact: RestContact; matchingField: 'email' | 'phone' } | undefined {
    return this.duplicatesAllowed.has(locationId) ? undefined : this.match(locationId, keys);
  }

  /**
   * Moves the contact's entries in the indexes from what `before` was keyed by to what `after` is; a
   * key that stays the same is left alone (a location's set holds thousands of ids, and taking one
   * out and putting it back on every update would churn it).
   */
  private reindex(id: string, before: RestContact | undefined, after: RestContact | undefined): void {
    const moves: [Map<string, Set<string>>, (contact: RestContact) => string][] = [
      [this.byLocation, (contact) => contact.locationId ?? ''],
      [this.byEmail, (contact) => (contact.email ? emailKey(contact.locationId ?? '', contact.email) : '')],
      [this.byPhone, (contact) => (contact.phone ? phoneKey(contact.locationId ?? '', contact.phone) : '')],
    ];
    for (const [index, keyOf] of moves) {
      const from = before ? keyOf(before) : '';
      const to = after ? keyOf(after) : '';
      if (from === to) continue;
      if (from !== '') index.get(from)?.delete(id);
      if (to === '') continue;
      let ids = index.get(to);
      if (!ids) index.set(to, (ids = new Set()));
      ids.add(id);
    }
  }

  addUser(user: RestUser): void {
    this.users.set(user.id, structuredClone(user));
  }

  user(id: string): RestUser | undefined {
    const user = this.users.get(id);
    return user && structuredClone(user);
  }

  addCustomField(locationId: string, field: CustomFieldDefinition): void {
    this.fields.set(locationId, withDefinition(this.customFields(locationId), field));
  }

  customFields(locationId: string): readonly CustomFieldDefinition[] {
    return this.fields.get(locationId) ?? [];
  }
}

function emailKey(locationId: string, email: string): string {
  return `${locationId} ${email.toLowerCase()}`;
}

/** '' for a phone without digits: it matches nothing. */
function phoneKey(locationId: string, phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits === '' ? '' : `${locationId} ${digits}`;
}
