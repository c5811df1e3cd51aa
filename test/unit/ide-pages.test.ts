import { pageHtml } from '../../src/http/graphiql';
import { OFFLINE_NOTE, withOfflineNote } from '../../src/execution/landing-page';

describe("GraphiQL's page", () => {
  it('carries the defaults as a JSON block that no value can close or turn into markup', () => {
    const html = pageHtml('/graphql', {
      document: 'query { a } # </script><script>alert(1)</script>',
      variables: { note: '<b>&</b>\u2028' },
      headers: { Authorization: 'Bearer t' },
    });
    const block = /<script id="graphiql-defaults" type="application\/json">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect(block).not.toMatch(/[<>&\u2028]/);
    const defaults = JSON.parse(block) as Record<string, string>;
    expect(defaults.document).toBe('query { a } # </script><script>alert(1)</script>');
    expect(JSON.parse(defaults.variables ?? '')).toEqual({ note: '<b>&</b>\u2028' });
    expect(JSON.parse(defaults.headers ?? '')).toEqual({ Authorization: 'Bearer t' });
    expect(html.match(/<script/g)).toHaveLength(5);
  });

  it('opens without defaults', () => {
    const block = /type="application\/json">(.*)<\/script>/.exec(pageHtml('/graphql', undefined))?.[1] ?? '';
    expect(JSON.parse(block)).toEqual({ endpoint: '/graphql' });
  });
});

describe("the landing page's offline note", () => {
  const sandboxLike = (body: string) =>
    `<html><head></head><body><style nonce=abc123>x{}</style><div class="fallback"><h1>Hi</h1><p>offline</p></div>${body}</body></html>`;

  it("goes into Sandbox's fallback, with a style under the page's nonce that lets clicks through while Sandbox is absent", () => {
    const html = withOfflineNote(sandboxLike('<div id="embeddableSandbox"></div>'));
    expect(html).toContain(
      `<p>offline</p><style nonce="abc123">#embeddableSandbox:empty { pointer-events: none; }</style>\n${OFFLINE_NOTE}\n</div>`,
    );
  });

  it('goes to the top of the body when the page has no fallback', () => {
    expect(withOfflineNote('<html><body><main></main></body></html>')).toBe(
      `<html><body>\n${OFFLINE_NOTE}<main></main></body></html>`,
    );
  });
});
