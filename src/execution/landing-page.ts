/**
 * The landing page at GET /graphql for a browser, outside production: Apollo Sandbox, pre-filled with
 * the IDE defaults, and telemetry off. Sandbox's page loads its code from Apollo's CDN, its fonts from
 * Google and the IDE itself in a frame Apollo hosts, so with no internet it shows only its fallback
 * text. That text is where this page tells the user about the gateway's own GraphiQL, which needs
 * nothing from outside (src/http/graphiql.ts).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { GatewayContext } from '../request/context';
import { GRAPHIQL_PATH, type IdeDefaults } from '../http/graphiql';

/** Shown with Sandbox's own "you might be offline" text. */
export const OFFLINE_NOTE = `<p>No internet? This gateway serves its own GraphiQL, which loads nothing from outside this
machine: <a href="${GRAPHIQL_PATH}">${GRAPHIQL_PATH}</a>.</p>
<p>This page loads Apollo Sandbox from Apollo's servers (its code, and the IDE in a frame that Apollo
hosts and hands the operation, variables and headers to) and fonts from Google. The operations you
run go from your browser to this gateway only.</p>`;

const FALLBACK_END = /(<div class="fallback">[\s\S]*?)(<\/div>)/;
const STYLE_NONCE = /<style nonce="?([0-9a-f]+)"?>/;

export function sandboxLandingPage(
  defaults: IdeDefaults | undefined,
  graphiql: boolean,
): ApolloServerPlugin<GatewayContext> {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({
    embed: { runTelemetry: false },
    includeCookies: false,
    ...defaults,
  });
  if (!graphiql) return sandbox;
  return {
    async serverWillStart(service) {
      const started = await sandbox.serverWillStart?.(service);
      const render = started?.renderLandingPage;
      if (!started || !render) return started;
      return {
        ...started,
        async renderLandingPage() {
          const { html } = await render();
          return {
            html: async () => withOfflineNote(typeof html === 'string' ? html : await html()),
          };
        },
      };
    },
  };
}

/**
 * Into Sandbox's fallback, which shows when it cannot load; at the top of the body if it has none.
 * Sandbox's frame holder covers the whole page, loaded or not: while it is empty (Sandbox did not
 * load) clicks go through it to the note's link. The page's policy admits styles with its nonce only.
 */
export function withOfflineNote(html: string): string {
  const nonce = STYLE_NONCE.exec(html)?.[1];
  const passThrough = nonce
    ? `<style nonce="${nonce}">#embeddableSandbox:empty { pointer-events: none; }</style>\n`
    : '';
  if (FALLBACK_END.test(html)) return html.replace(FALLBACK_END, `$1${passThrough}${OFFLINE_NOTE}\n$2`);
  return html.replace('<body>', `<body>\n${passThrough}${OFFLINE_NOTE}`);
}
