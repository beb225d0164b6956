import type { EmulatorContext } from '../emulator.context';
import { faultProblem } from '../faults/fault.validate';
import type { FaultSpec } from '../faults/fault.types';
import type { ParameterType } from '../secrets/secret-store';
import type { Exchange } from '../transport/exchange.types';

/**
 * `/_emulator/*`: test control over HTTP (faults, request log, secrets, parameters, config). The gateway
 * never sends this prefix, and it is not authenticated or logged.
 */

const MAX_CONTROL_BODY = 1024 * 1024;
const PARAMETER_TYPES: readonly ParameterType[] = ['String', 'SecureString', 'StringList'];

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function reply(exchange: Exchange, status: number, body?: unknown): void {
  if (body === undefined) {
    exchange.sendHead(status, { 'content-length': 0 });
    exchange.end();
    return;
  }
  const bytes = Buffer.from(JSON.stringify(body));
  exchange.sendHead(status, { 'content-type': 'application/json', 'content-length': bytes.length });
  exchange.end(bytes);
}

function isJson(exchange: Exchange): boolean {
  return (exchange.headers['content-type'] ?? '').startsWith('application/json');
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new ControlError(400, 'body is not valid JSON');
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function addFaults(ctx: EmulatorContext, input: unknown): { ids: string[] } {
  const specs = Array.isArray(input)
    ? input
    : isRecord(input) && Array.isArray(input.faults)
      ? input.faults
      : [input];
  for (const spec of specs) {
    const problem = faultProblem(spec);
    if (problem) throw new ControlError(400, `invalid fault: ${problem}`);
  }
  return { ids: (specs as FaultSpec[]).map((spec) => ctx.faults.add(spec)) };
}

function putSecret(ctx: EmulatorContext, exchange: Exchange, name: string, body: Buffer): void {
  if (!isJson(exchange)) return ctx.secrets.setSecret(name, body.toString('utf8'));
  const input = parseJson(body);
  if (isRecord(input) && typeof input.SecretString === 'string')
    return ctx.secrets.setSecret(name, input.SecretString);
  if (isRecord(input) && typeof input.SecretBinary === 'string')
    return ctx.secrets.setSecret(name, Buffer.from(input.SecretBinary, 'base64'));
  throw new ControlError(
    400,
    'JSON body must be {"SecretString": "..."} or {"SecretBinary": "<base64>"}; send other content types raw',
  );
}

function putParameter(ctx: EmulatorContext, exchange: Exchange, name: string, body: Buffer): void {
  if (!isJson(exchange)) return ctx.secrets.setParameter(name, body.toString('utf8'));
  const input = parseJson(body);
  if (!isRecord(input) || typeof input.Value !== 'string')
    throw new ControlError(
      400,
      'JSON body must be {"Value": "...", "Type"?: "String"|"SecureString"|"StringList"}',
    );
  const type = input.Type ?? 'String';
  if (!PARAMETER_TYPES.includes(type as ParameterType))
    throw new ControlError(400, `Type must be one of ${PARAMETER_TYPES.join(', ')}`);
  ctx.secrets.setParameter(name, { value: input.Value, type: type as ParameterType });
}

function patchConfig(ctx: EmulatorContext, input: unknown): void {
  if (!isRecord(input)) throw new ControlError(400, 'config must be an object');
  for (const key of ['latencyMs', 'chunkDelayMs'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new ControlError(400, `${key} must be a non-negative integer`);
    ctx.config[key] = value;
  }
}

async function route(
  ctx: EmulatorContext,
  exchange: Exchange,
  segments: string[],
  query: URLSearchParams,
): Promise<void> {
  const method = exchange.method;
  const [resource = '', ...rest] = segments;
  // Names may contain '/': `/_emulator/parameters//app/key` names the parameter `/app/key`.
  const name = rest.join('/');
  const body = await exchange.readBody(MAX_CONTROL_BODY);

  switch (`${method} ${resource}${name ? ' *' : ''}`) {
    case 'GET health':
      return reply(exchange, 200, { status: 'ok' });
    case 'GET requests':
      return reply(exchange, 200, { requests: ctx.log.entries(Number(query.get('since') ?? 0)) });
    case 'DELETE requests':
      ctx.log.clear();
      return reply(exchange, 204);
    case 'GET faults':
      return reply(exchange, 200, { faults: ctx.faults.list() });
    case 'POST faults':
      return reply(exchange, 201, addFaults(ctx, parseJson(body)));
    case 'DELETE faults':
      ctx.faults.clear();
      return reply(exchange, 204);
    case 'POST reset':
      ctx.reset();
      return reply(exchange, 204);
    case 'GET config':
      return reply(exchange, 200, ctx.config);
    case 'PATCH config':
      patchConfig(ctx, parseJson(body));
      return reply(exchange, 200, ctx.config);
    case 'PUT secrets *':
      putSecret(ctx, exchange, name, body);
      return reply(exchange, 204);
    case 'DELETE secrets *':
      return reply(exchange, ctx.secrets.deleteSecret(name) ? 204 : 404);
    case 'PUT parameters *':
      putParameter(ctx, exchange, name, body);
      return reply(exchange, 204);
    case 'DELETE parameters *':
      return reply(exchange, ctx.secrets.deleteParameter(name) ? 204 : 404);
    default:
      throw new ControlError(404, `no control endpoint ${method} /_emulator/${segments.join('/')}`);
  }
}

export async function serveControlApi(
  ctx: EmulatorContext,
  exchange: Exchange,
  segments: string[],
  query: URLSearchParams,
): Promise<void> {
  try {
    await route(ctx, exchange, segments, query);
  } catch (error) {
    if (exchange.headersSent) throw error;
    if (error instanceof ControlError) return reply(exchange, error.status, { error: error.message });
    return reply(exchange, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
