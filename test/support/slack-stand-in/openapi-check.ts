import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Slack's OpenAPI 2 description of the Web API (slackapi/slack-api-specs, MIT). */
const SPEC_PATH = resolve(
  __dirname,
  '../../fixtures/slack-reference/api-specs/slack_web_openapi_v2_without_examples.json',
);

/** Arguments Slack documents that the 2021 description predates. */
const SUPPLEMENT: Record<string, string[]> = {
  // Token rotation: https://api.slack.com/authentication/rotation
  'oauth.v2.access': ['grant_type', 'refresh_token'],
  // Sign in with Slack: https://api.slack.com/methods/openid.connect.token
  'openid.connect.token': [
    'client_id',
    'client_secret',
    'code',
    'redirect_uri',
    'grant_type',
    'refresh_token',
  ],
  // https://api.slack.com/methods/openid.connect.userInfo
  'openid.connect.userInfo': ['token'],
};

/**
 * Accepted by every method: organization-wide tokens name the workspace to act on, workspace
 * tokens ignore it (https://api.slack.com/enterprise/apps/changes-apis), and `WebClient` sends
 * it on every call once it knows the team.
 */
const ANY_METHOD = ['team_id'];

interface OpenApiSpec {
  paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
}

/** Why a request does not match Slack's published methods. */
export interface CheckFailure {
  error: 'unknown_method' | 'invalid_arguments';
  violations: string[];
}

let methods: Map<string, Set<string>> | undefined;

function loadMethods(): Map<string, Set<string>> {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiSpec;
  const table = new Map<string, Set<string>>();
  for (const [path, operations] of Object.entries(spec.paths)) {
    const names = Object.values(operations).flatMap((op) => op.parameters ?? []);
    table.set(path.replace(/^\//, ''), new Set(names.map((p) => p.name)));
  }
  for (const [method, extra] of Object.entries(SUPPLEMENT)) {
    const names = table.get(method) ?? new Set<string>();
    extra.forEach((name) => names.add(name));
    table.set(method, names);
  }
  return table;
}

/** The argument names Slack documents for a method, or undefined for an unknown method. */
export function argumentsOf(method: string): ReadonlySet<string> | undefined {
  methods ??= loadMethods();
  return methods.get(method);
}

/** Checks a call's method and argument names against Slack's description. */
export function checkCall(method: string, args: Record<string, unknown>): CheckFailure | undefined {
  const known = argumentsOf(method);
  if (!known) {
    return { error: 'unknown_method', violations: [`unknown method ${method}`] };
  }

  const unknown = Object.keys(args).filter(
    (name) => !known.has(name) && !ANY_METHOD.includes(name),
  );
  if (unknown.length === 0) return undefined;
  const violations = unknown.map((name) => `${method}: unknown argument ${name}`);
  return { error: 'invalid_arguments', violations };
}
