/**
 * GraphiQL served whole from the gateway's own origin (GRAPHIQL, on by default outside production):
 * the page, React, GraphiQL's browser bundle and its stylesheet, whose fonts are inlined as data: URLs.
 * Nothing is fetched from anywhere else, and the page's Content-Security-Policy lets it load from and
 * connect to nothing but this origin. The files come from the npm packages, read once at start-up
 * and kept (a fixed set of about 2.5 MB, whatever callers ask; a missing package fails the start).
 *
 * GraphiQL 3.9 is the last line published with a prebuilt browser bundle; later lines are ES modules
 * for a bundler (with Monaco's web workers), which would add a build step for three static files.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const GRAPHIQL_PATH = '/graphiql';

/** What GraphiQL opens with: the demo's operation, variables and Authorization header. */
export interface IdeDefaults {
  document: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

interface Asset {
  /** Where the file is, inside its package; or the text itself. */
  source: { packageName: string; file: string } | { text: string };
  contentType: string;
}

// Started from the page, with the defaults read from its JSON block (no inline script: the policy
// allows scripts from this origin only).
const START = `(function () {
  var defaults = JSON.parse(document.getElementById('graphiql-defaults').textContent);
  var props = {
    fetcher: GraphiQL.createFetcher({ url: defaults.endpoint }),
    defaultEditorToolsVisibility: true,
    shouldPersistHeaders: false,
  };
  if (defaults.document) props.query = defaults.document;
  if (defaults.variables) props.variables = defaults.variables;
  if (defaults.headers) props.headers = defaults.headers;
  ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, props));
})();
`;

const JS = 'text/javascript; charset=utf-8';
const ASSETS = new Map<string, Asset>([
  ['react.js', { source: { packageName: 'react', file: 'umd/react.production.min.js' }, contentType: JS }],
  ['react-dom.js', { source: { packageName: 'react-dom', file: 'umd/react-dom.production.min.js' }, contentType: JS }],
  ['graphiql.js', { source: { packageName: 'graphiql', file: 'graphiql.min.js' }, contentType: JS }],
  [
    'graphiql.css',
    { source: { packageName: 'graphiql', file: 'graphiql.min.css' }, contentType: 'text/css; charset=utf-8' },
  ],
  ['start.js', { source: { text: START }, contentType: JS }],
]);

/** This origin only; GraphiQL sets styles on its elements, and its fonts are data: URLs. */
const PAGE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface LoadedAsset {
  body: Buffer;
  etag: string;
  contentType: string;
}

export class GraphiqlPage {
  private readonly page: Buffer;
  private readonly files = new Map<string, LoadedAsset>();

  constructor(endpoint: string, defaults: IdeDefaults | undefined) {
    this.page = Buffer.from(pageHtml(endpoint, defaults));
    for (const [name, { source, contentType }] of ASSETS) {
      const body =
        'text' in source
          ? Buffer.from(source.text)
          : readFileSync(join(dirname(require.resolve(`${source.packageName}/package.json`)), source.file));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
      this.files.set(name, { body, contentType, etag });
    }
  }

  /** Answers a request under GRAPHIQL_PATH: the page, one of its files, or 404. */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.statusCode = 405;
      res.setHeader('allow', 'GET, HEAD');
      return void res.end();
    }
    if (pathname === GRAPHIQL_PATH || pathname === `${GRAPHIQL_PATH}/`) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', PAGE_POLICY);
      // It may carry the demo's token: never kept by a cache.
      res.setHeader('cache-control', 'no-store');
      return void res.end(method === 'HEAD' ? undefined : this.page);
    }
    const asset = this.files.get(pathname.slice(GRAPHIQL_PATH.length + 1));
    if (!asset) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      return void res.end('Not found.');
    }
    res.setHeader('content-type', asset.contentType);
    res.setHeader('cache-control', 'public, max-age=3600');
    res.setHeader('etag', asset.etag);
    if (req.headers['if-none-match'] === asset.etag) {
      res.statusCode = 304;
      return void res.end();
    }
    res.end(method === 'HEAD' ? undefined : asset.body);
  }
}

/** The page: the files above, and the defaults as a JSON block that no text in them can close. */
export function pageHtml(endpoint: string, defaults: IdeDefaults | undefined): string {
  const config = JSON.stringify({
    endpoint,
    document: defaults?.document,
    variables: defaults && JSON.stringify(defaults.variables, null, 2),
    headers: defaults && JSON.stringify(defaults.headers, null, 2),
  }).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const asset = (name: string) => `${GRAPHIQL_PATH}/${name}`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>GraphiQL: HighLevel contacts gateway</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${asset('graphiql.css')}" />
    <style>
      html, body, #graphiql { height: 100%; margin: 0; }
    </style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script id="graphiql-defaults" type="application/json">${config}</script>
    <script src="${asset('react.js')}"></script>
    <script src="${asset('react-dom.js')}"></script>
    <script src="${asset('graphiql.js')}"></script>
    <script src="${asset('start.js')}"></script>
  </body>
</html>
`;
}
