import type { SigningService } from '../routing/route.types';

/** What the request log keeps of the credentials: scheme and credential scope, never keys or tokens. */
export type AuthSummary =
  { scheme: 'sigv4'; scope: string; region: string; service: string } | { scheme: 'bearer' };

export interface AuthFailure {
  /** Error code as it goes into `x-amzn-ErrorType` / `__type`. */
  type: 'AccessDeniedException' | 'IncompleteSignatureException' | 'InvalidSignatureException';
  message: string;
  /** Missing-header failures use capital `Message` (docs/bedrock-protocol.md §12). */
  messageKey: 'message' | 'Message';
}

export type AuthResult = { ok: true; auth: AuthSummary } | { ok: false; failure: AuthFailure };

const SIGV4_PREFIX = 'AWS4-HMAC-SHA256 ';
const BEARER_PREFIX = 'Bearer ';
const SIGNATURE = /^[0-9a-f]{64}$/;

const MISSING: AuthFailure = {
  type: 'AccessDeniedException',
  message: 'Authorization header is missing',
  messageKey: 'Message',
};

function incomplete(message: string): AuthResult {
  return { ok: false, failure: { type: 'IncompleteSignatureException', message, messageKey: 'message' } };
}

function invalid(message: string): AuthResult {
  return { ok: false, failure: { type: 'InvalidSignatureException', message, messageKey: 'message' } };
}

function parseParams(rest: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of rest.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return params;
}

/**
 * Presence-and-shape check of SigV4 or a Bedrock bearer token (docs/bedrock-protocol.md §1.3, §12). The signature itself
 * cannot be verified: the emulator never knows the client's secret key.
 */
export function checkAuth(headers: Record<string, string>, service: SigningService): AuthResult {
  const header = headers['authorization'];
  if (header === undefined || header === '') return { ok: false, failure: MISSING };

  // Bedrock API keys travel as bearer tokens (§1.2); other services only take SigV4.
  if (header.startsWith(BEARER_PREFIX) && service === 'bedrock') {
    return header.length > BEARER_PREFIX.length
      ? { ok: true, auth: { scheme: 'bearer' } }
      : incomplete('Authorization header requires a bearer token.');
  }

  const params = header.startsWith(SIGV4_PREFIX) ? parseParams(header.slice(SIGV4_PREFIX.length)) : new Map();
  const problems: string[] = [];
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!params.get(name)) problems.push(`Authorization header requires '${name}' parameter.`);
  }
  if (headers['x-amz-date'] === undefined && headers['date'] === undefined) {
    problems.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  }
  if (problems.length > 0) return incomplete(problems.join(' '));

  const scopeParts = (params.get('Credential') as string).split('/');
  if (scopeParts.length !== 5 || scopeParts[4] !== 'aws4_request') {
    return incomplete("Credential should be scoped with a valid terminator: 'aws4_request'.");
  }
  const [, , region, scopeService] = scopeParts;
  if (scopeService !== service)
    return invalid(`Credential should be scoped to correct service: '${service}'. `);
  if (!SIGNATURE.test(params.get('Signature') as string)) {
    return invalid(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return {
    ok: true,
    auth: { scheme: 'sigv4', scope: scopeParts.slice(1).join('/'), region, service: scopeService },
  };
}

/** The `authorization` header as the request log shows it: scheme plus credential scope only. */
export function describeAuth(auth: AuthSummary | undefined, header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (auth?.scheme === 'sigv4') return `AWS4-HMAC-SHA256 Credential=…/${auth.scope}`;
  if (auth?.scheme === 'bearer') return 'Bearer …';
  const space = header.indexOf(' ');
  return space === -1 ? '…' : `${header.slice(0, space)} …`;
}
