import type { InputIssue } from './contact-input';

const MAX_TAGS = 100;
const MAX_TAG_LENGTH = 255;

/** The tags argument of the tag mutations: 1 to 100 tags, each 1 to 255 characters. */
export function tagsIssues(tags: readonly string[]): InputIssue[] {
  if (tags.length === 0 || tags.length > MAX_TAGS) {
    return [{ field: ['tags'], message: `tags must list 1 to ${MAX_TAGS} tags` }];
  }
  return tags.flatMap((tag, index) =>
    tag.trim() === '' || tag.length > MAX_TAG_LENGTH
      ? [
          {
            field: ['tags', String(index)],
            message: `tags.${index} must be 1 to ${MAX_TAG_LENGTH} characters, not blank`,
          },
        ]
      : [],
  );
}
