import { isContactId } from './formats';
import type { InputIssue } from './contact-input';

/** The contact id goes into the upstream path as one segment, so anything else is refused up front. */
export function contactIdIssues(id: string, argument = 'id'): InputIssue[] {
  return isContactId(id)
    ? []
    : [{ field: [argument], message: `${argument} must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -` }];
}
