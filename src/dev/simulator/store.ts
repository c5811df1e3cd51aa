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
  private readonly users = new Map<string, RestUser>();
  private readonly fields = new Map<string, readonly CustomFieldDefinition[]>();

  addToken(token: string, locationId: string): void {
    this.tokens.set(token, locationId);
  }

  /** The location a token may act on, undefined for a token that was never issued. */
  locationOf(token: string): string | undefined {
    return this.tokens.get(token);
  }

  putContact(contact: RestContact): void {
    if (!contact.locationId) throw new Error(`simulated contact ${contact.id} needs a locationId`);
    this.contacts.set(contact.id, structuredClone(contact));
  }

  contact(id: string): RestContact | undefined {
    const contact = this.contacts.get(id);
    return contact && structuredClone(contact);
  }

  deleteContact(id: string): void {
    this.contacts.delete(id);
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
