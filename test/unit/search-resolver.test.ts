import DataLoader from 'dataloader';
import type { ContactsApi } from '../../src/highlevel/contacts';
import type { UpstreamResult } from '../../src/highlevel/outcome';
import type { RestContact, RestSearchBody, RestSearchResponse } from '../../src/highlevel/types';
import type { GatewayContext } from '../../src/request/context';
import { Query } from '../../src/resolvers/Query';

type ContactsResolver = (parent: unknown, args: unknown, context: GatewayContext) => Promise<unknown>;
const contacts = Query.contacts as unknown as ContactsResolver;

function contextWith(page: UpstreamResult<RestSearchResponse>) {
  const searched: RestSearchBody[] = [];
  const api = {
    search: (body: RestSearchBody) => {
      searched.push(body);
      return Promise.resolve(page);
    },
  } as unknown as ContactsApi;
  const fetched: string[] = [];
  const loader = new DataLoader<string, UpstreamResult<RestContact>>((ids) => {
    fetched.push(...ids);
    return Promise.resolve(ids.map((id) => ({ ok: true as const, value: { id, firstName: 'fetched' } })));
  });
  const context = { contacts: api, loaders: { contacts: loader } } as unknown as GatewayContext;
  return { context, searched, fetched, loader };
}

const hit = (id: string, firstName: string) => ({ contact: { id, firstName }, searchAfter: [1, id] });

describe('Query.contacts', () => {
  it('primes the request loader with each contact found, without replacing what the request already read', async () => {
    const { context, fetched, loader } = contextWith({
      ok: true,
      value: { hits: [hit('a', 'found'), hit('b', 'found')], received: 2, total: 2 },
    });
    // Read (or changed) earlier in the request: fresher than a search index that may lag writes.
    loader.prime('b', { ok: true, value: { id: 'b', firstName: 'written' } });

    await contacts(undefined, { locationId: 'loc', first: 20 }, context);
    expect(await loader.load('a')).toEqual({ ok: true, value: { id: 'a', firstName: 'found' } });
    expect(await loader.load('b')).toEqual({ ok: true, value: { id: 'b', firstName: 'written' } });
    expect(fetched).toEqual([]);
  });

  it('calls nothing for refused arguments, and answers the failure member for a failed search', async () => {
    const refused = contextWith({ ok: true, value: { hits: [], received: 0, total: 0 } });
    expect(await contacts(undefined, { locationId: 'loc', first: 0 }, refused.context)).toMatchObject({
      __typename: 'ValidationError',
    });
    expect(refused.searched).toEqual([]);

    const failed = contextWith({ ok: false, failure: { kind: 'not-found', message: 'Not Found' } });
    expect(await contacts(undefined, { locationId: 'loc', first: 5 }, failed.context)).toEqual({
      __typename: 'BadRequestError',
      code: 'BAD_REQUEST',
      message: 'Not Found',
    });
    expect(failed.searched).toEqual([{ locationId: 'loc', pageLimit: 5 }]);
  });
});
