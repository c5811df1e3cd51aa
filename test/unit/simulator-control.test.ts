import { control, type ControlTarget } from '../../src/dev/simulator/control';
import type { Fault, ReceivedRequest } from '../../src/dev/simulator/simulator';

function target(received: ReceivedRequest[] = []) {
  const queued: [Fault, number][] = [];
  let resets = 0;
  const t: ControlTarget = {
    injectFault: (fault, times) => void queued.push([fault, times]),
    received,
    reset: () => void (resets += 1),
  };
  return { t, queued, resets: () => resets };
}

describe("the simulator's control endpoints", () => {
  it("queue a fault, with HighLevel's own body for a status given none", () => {
    const { t, queued } = target();
    expect(control(t, 'POST', '/_simulator/faults', '{"kind":"status","status":422,"times":2}').status).toBe(200);
    expect(queued).toEqual([
      [
        {
          kind: 'status',
          status: 422,
          body: { statusCode: 422, message: ['email must be an email'], error: 'Unprocessable Entity' },
        },
        2,
      ],
    ]);
    control(t, 'POST', '/_simulator/faults', '{"kind":"delay","ms":50}');
    control(
      t,
      'POST',
      '/_simulator/faults',
      '{"kind":"status","status":503,"body":"down","headers":{"retry-after":"3"}}',
    );
    expect(queued.slice(1)).toEqual([
      [{ kind: 'delay', ms: 50 }, 1],
      [{ kind: 'status', status: 503, body: 'down', headers: { 'retry-after': '3' } }, 1],
    ]);
  });

  it.each([
    ['not json', 'the body must be JSON'],
    ['[1]', 'the body must be a JSON object'],
    ['{"kind":"fire"}', 'kind must be status, stall, reset, garbage or delay'],
    ['{"kind":"stall","times":0}', 'times must be a whole number from 1 to 1000'],
    ['{"kind":"delay"}', 'a delay needs ms, a whole number from 0 to 600000'],
    ['{"kind":"status","status":99}', 'a status fault needs status, from 200 to 599'],
    ['{"kind":"status","status":500,"headers":{"a":1}}', 'headers must be an object of strings'],
  ])('refuse %s with 400 and why', (body, error) => {
    const { t, queued } = target();
    const answer = control(t, 'POST', '/_simulator/faults', body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error });
    expect(queued).toEqual([]);
  });

  it('list the last requests received with tokens cut, reset, describe themselves, and 404 anything else', () => {
    const request = (n: number): ReceivedRequest => ({
      method: 'GET',
      path: `/contacts/${n}`,
      headers: { authorization: 'Bearer secret-token-0123456789' },
      body: undefined,
      rawBody: '',
    });
    const { t, resets } = target([1, 2, 3].map(request));
    const listed = control(t, 'GET', '/_simulator/received?last=2', '').body as ReceivedRequest[];
    expect(listed.map((r) => r.path)).toEqual(['/contacts/2', '/contacts/3']);
    expect(listed[0]?.headers.authorization).toBe('Bearer secret…');
    expect(control(t, 'POST', '/_simulator/reset', '').status).toBe(200);
    expect(resets()).toBe(1);
    expect(control(t, 'GET', '/_simulator', '').body).toHaveProperty('endpoints');
    expect(control(t, 'DELETE', '/_simulator/faults', '').status).toBe(404);
  });
});
