/**
 * The real gateway over HTTP in front of the project's HighLevel simulator, both on loopback, with
 * every log line captured so tests can assert on what was (and was not) logged.
 */
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logging/logger';
import type { Tracing } from '../../src/observability/tracing';
import { startGateway, type IdeDefaults, type RunningGateway } from '../../src/server';
import { seedDemoData } from '../../src/dev/simulator/seed';
import { HighLevelSimulator, type SimulatorOptions } from '../../src/dev/simulator/simulator';

export interface GraphqlResponse {
  status: number;
  headers: Headers;
  text: string;
  json: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export interface Stack {
  sim: HighLevelSimulator;
  seed: ReturnType<typeof seedDemoData>;
  gateway: RunningGateway;
  logs: string[];
  /** POSTs an operation; `token` undefined sends no Authorization header. */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; headers?: Record<string, string> },
  ): Promise<GraphqlResponse>;
  stop(): Promise<void>;
}

/** For `describe.each`: the fast path, then Apollo Server's pipeline (`fastPathOff`). */
export const EXECUTION_PATHS: [string, boolean][] = [
  ['the fast path', false],
  ['Apollo Server', true],
];

export async function startStack(
  options: {
    env?: Record<string, string>;
    simulator?: SimulatorOptions;
    tracing?: Tracing;
    /** Sets FAST_PATH=false: every request through Apollo Server's pipeline. */
    fastPathOff?: boolean;
    /** What the IDEs open with, from the seeded data (as the demo's). */
    ideDefaults?: (seed: ReturnType<typeof seedDemoData>) => IdeDefaults;
  } = {},
): Promise<Stack> {
  const sim = new HighLevelSimulator(options.simulator);
  const baseUrl = await sim.start(0, '127.0.0.1');
  const seed = seedDemoData(sim);
  const logs: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void logs.push(line) });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    HIGHLEVEL_BASE_URL: baseUrl,
    UPSTREAM_TIMEOUT_MS: '1000',
    ...(options.fastPathOff === true ? { FAST_PATH: 'false' } : {}),
    ...options.env,
  });
  const gateway = await startGateway({
    config,
    logger,
    tracing: options.tracing,
    ideDefaults: options.ideDefaults?.(seed),
  });

  return {
    sim,
    seed,
    gateway,
    logs,
    async graphql(query, variables = {}, { token, headers = {} } = {}) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      return {
        status: response.status,
        headers: response.headers,
        text,
        json: JSON.parse(text) as GraphqlResponse['json'],
      };
    },
    async stop() {
      await gateway.stop();
      await sim.stop();
    },
  };
}

export const UPDATE_CONTACT = /* GraphQL */ `
  mutation UpdateContact($id: ID!, $input: UpdateContactInput!) {
    updateContact(id: $id, input: $input) {
      __typename
      ... on UpdateContactSuccess {
        contact {
          id
          name
          firstName
          lastName
          email
          emailLowerCase
          phone
          address1
          city
          state
          postalCode
          website
          timezone
          dnd
          country
          tags
          source
          assignedTo
          dateOfBirth
          dateAdded
          dateUpdated
          locationId
          dndSettings {
            call {
              status
              message
              code
            }
            email {
              status
            }
            sms {
              status
            }
            whatsApp {
              status
            }
            gmb {
              status
            }
            fb {
              status
            }
          }
          inboundDndSettings {
            all {
              status
              message
            }
          }
          customFields {
            id
            value {
              __typename
              ... on CustomFieldText {
                text
              }
              ... on CustomFieldTextList {
                texts
              }
              ... on CustomFieldNumber {
                number
              }
              ... on CustomFieldObject {
                object
              }
            }
          }
        }
      }
      ... on DisplayableError {
        code
        message
      }
      ... on ValidationError {
        issues {
          field
          message
        }
      }
      ... on RateLimitedError {
        retryAfterSeconds
      }
      ... on UpstreamError {
        statusCode
      }
    }
  }
`;

export const CONTACT = /* GraphQL */ `
  query Contact($id: ID!) {
    contact(id: $id) {
      __typename
      ... on Contact {
        id
        firstName
        lastName
        email
        country
        dateAdded
        tags
      }
      ... on DisplayableError {
        code
        message
      }
      ... on ValidationError {
        issues {
          field
          message
        }
      }
      ... on UpstreamError {
        statusCode
      }
    }
  }
`;
