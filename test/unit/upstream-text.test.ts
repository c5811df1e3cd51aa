import { classifyResponse } from '../../src/highlevel/outcome';
import { scrubUpstreamText } from '../../src/highlevel/upstream-text';
import { errorMember } from '../../src/mapping/failures';

const TOKEN = 'pit-3f9c1a2b-77aa-4c1e-9b0d-5e6f7a8b9c0d';
const secrets = { token: TOKEN, host: 'services.leadconnectorhq.com' };
const scrub = (text: string) => scrubUpstreamText(text, secrets);

describe('scrubUpstreamText', () => {
  it.each([
    [`Invalid token ${TOKEN}`, 'Invalid token [redacted]'],
    [`token=${encodeURIComponent('a/b+c==')}`, 'token=[redacted]', { token: 'a/b+c==', host: 'x.example' }],
    ['Authorization: Bearer abc.def-123 was refused', 'Authorization: Bearer [redacted] was refused'],
    ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-part_1 expired', 'jwt [redacted] expired'],
    ['GET https://services.leadconnectorhq.com/contacts/abc?x=1 failed', 'GET [url] failed'],
    ['connect ECONNREFUSED 10.0.3.7:443', 'connect ECONNREFUSED [host]'],
    ['upstream api.internal.example:8080 down', 'upstream [host] down'],
    ['at [::1]:4010', 'at [host]'],
    ['from 192.168.1.20', 'from [host]'],
    ['Services.LeadConnectorHQ.com refused', '[host] refused'],
    ['key 0123456789abcdef0123456789abcdef01234567 unknown', 'key [redacted] unknown'],
  ])('%p -> %p', (text, expected, given = secrets) => {
    expect(scrubUpstreamText(text, given)).toBe(expected);
  });

  it.each([
    'email must be an email',
    'each value in tags must be a string',
    'customFields.0.field_value must be a string',
    'Contact with id ocQHyuzHvysMo5N5VsXc not found',
    'The token does not have access to this location.',
    'Retry after 10:30',
  ])('leaves %p as it is', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('messages taken from an upstream error body', () => {
  const echo = `email must be an email (token ${TOKEN}, https://services.leadconnectorhq.com/contacts/x, 127.0.0.1:4010)`;

  it.each([400, 401, 403, 404])('%i: the message is scrubbed', (status) => {
    const result = classifyResponse({ status, headers: {}, text: JSON.stringify({ message: echo }) }, () => 1, scrub);
    if (result.ok) throw new Error('expected a failure');
    const { message } = errorMember(result.failure);
    expect(message).toBe('email must be an email (token [redacted], [url] [host])');
  });

  it('422: every message is scrubbed, and each still names its field', () => {
    const text = JSON.stringify({ message: [echo, `phone ${TOKEN} is invalid`] });
    const result = classifyResponse({ status: 422, headers: {}, text }, () => 1, scrub);
    if (result.ok) throw new Error('expected a failure');
    expect(errorMember(result.failure)).toMatchObject({
      __typename: 'ValidationError',
      issues: [
        { field: ['input', 'email'], message: 'email must be an email (token [redacted], [url] [host])' },
        { field: ['input', 'phone'], message: 'phone [redacted] is invalid' },
      ],
    });
  });
});
