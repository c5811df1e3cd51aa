import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { AnswerWrites } from '../../src/http/answer-writes';

/** The part of a ServerResponse AnswerWrites uses, recording what was written. */
class FakeResponse {
  statusCode = 200;
  headersSent = false;
  sent: { status: number; headers: OutgoingHttpHeaders; body: string } | undefined;
  private head: { status: number; headers: OutgoingHttpHeaders } | undefined;

  constructor(private readonly badHeaders = false) {}

  writeHead(status: number, headers: OutgoingHttpHeaders): this {
    if (this.badHeaders) throw new TypeError('Invalid character in header content');
    this.statusCode = status;
    this.head = { status, headers };
    return this;
  }

  end(body: string): void {
    if (!this.head) throw new Error('end before writeHead');
    this.headersSent = true;
    this.sent = { ...this.head, body };
  }
}

const asResponse = (fake: FakeResponse) => fake as unknown as ServerResponse;
const nextRound = () => new Promise((resolve) => setImmediate(resolve));

describe('AnswerWrites', () => {
  it('writes the answers of a round together once the round is over, each with its own status', async () => {
    const failures: unknown[] = [];
    const answers = new AnswerWrites((_res, error) => failures.push(error));
    const first = new FakeResponse();
    const second = new FakeResponse();
    const statuses: number[] = [];
    answers.write(asResponse(first), 200, { 'content-type': 'application/json' }, '{"data":1}', (status) =>
      statuses.push(status),
    );
    answers.write(asResponse(second), 429, { 'retry-after': '3' }, '{"data":2}');
    expect(first.sent).toBeUndefined();
    expect(answers.isPending(asResponse(first))).toBe(true);
    expect(answers.isPending(asResponse(second))).toBe(true);

    await nextRound();
    expect(first.sent).toEqual({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"data":1}' });
    expect(second.sent).toEqual({ status: 429, headers: { 'retry-after': '3' }, body: '{"data":2}' });
    expect(answers.isPending(asResponse(first))).toBe(false);
    expect(statuses).toEqual([200]);
    expect(failures).toEqual([]);
  });

  it('hands an answer that cannot be written to its error handler, still writes the others, and reports 500', async () => {
    const failed: ServerResponse[] = [];
    const answers = new AnswerWrites((res) => failed.push(res));
    const broken = new FakeResponse(true);
    const fine = new FakeResponse();
    const statuses: number[] = [];
    answers.write(asResponse(broken), 200, { 'x-bad': 'a\nb' }, '{}', (status) => statuses.push(status));
    answers.write(asResponse(fine), 200, {}, '{}');
    await nextRound();
    expect(failed).toEqual([broken]);
    expect(fine.sent?.status).toBe(200);
    expect(statuses).toEqual([500]);
  });

  it('starts a new batch after a round is written', async () => {
    const answers = new AnswerWrites(() => undefined);
    const early = new FakeResponse();
    answers.write(asResponse(early), 200, {}, 'a');
    await nextRound();
    const late = new FakeResponse();
    answers.write(asResponse(late), 200, {}, 'b');
    expect(late.sent).toBeUndefined();
    await nextRound();
    expect([early.sent?.body, late.sent?.body]).toEqual(['a', 'b']);
  });
});
