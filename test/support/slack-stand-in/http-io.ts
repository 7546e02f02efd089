import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request to the stand-in, decoded. */
export interface DecodedRequest {
  path: string;
  /** Query string and body arguments together; the body wins on a clash. */
  args: Record<string, unknown>;
  /** The token of an `Authorization: Bearer` header. */
  bearer?: string;
  /** The client id and secret of an `Authorization: Basic` header. */
  basic?: { clientId: string; clientSecret: string };
  /** Set when the body could not be read as form or JSON. */
  bodyProblem?: string;
}

/** A Web API answer body. */
export type SlackAnswer = { ok: boolean; [key: string]: unknown };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(type: string, body: string): Record<string, unknown> | string {
  if (body === '') return {};
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(body));
  }
  if (!type.startsWith('application/json')) return `unsupported content type "${type}"`;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
    return 'JSON body is not an object';
  } catch {
    return 'JSON body does not parse';
  }
}

function parseAuthorization(header: string | undefined): Partial<DecodedRequest> {
  if (!header) return {};
  const [scheme, value = ''] = header.split(' ', 2);
  if (scheme === 'Bearer') return { bearer: value };
  if (scheme !== 'Basic') return {};
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return {};
  return {
    basic: { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) },
  };
}

/** Reads and decodes a request: path, arguments and credentials. */
export async function decodeRequest(req: IncomingMessage): Promise<DecodedRequest> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = Object.fromEntries(url.searchParams);
  const body = parseBody(req.headers['content-type'] ?? '', await readBody(req));
  const auth = parseAuthorization(req.headers.authorization);
  if (typeof body === 'string') {
    return { path: url.pathname, args: query, ...auth, bodyProblem: body };
  }
  return { path: url.pathname, args: { ...query, ...body }, ...auth };
}

/** Answers with a JSON body. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

/** Answers with plain text, as Slack's web pages and load balancers do. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** Redirects the browser (302). */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location });
  res.end();
}
