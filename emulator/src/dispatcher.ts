import { checkAuth, type AuthFailure } from './auth/auth.check';
import { catalog } from './catalog/catalog';
import type { EmulatorContext } from './emulator.context';
import { awsJsonError, CORAL_SERVICE_NAMESPACE, restJsonError, type ErrorResponse } from './errors/aws-error';
import { errorSpecFor } from './errors/error.defaults';
import { serveAwsJson } from './handlers/aws-json.handler';
import { serveControlApi } from './handlers/control-api.handler';
import { serveControlPlane } from './handlers/control-plane.handler';
import { serveRuntime } from './handlers/runtime.handler';
import { Responder } from './http/responder';
import { sleep } from './http/sleep';
import type { Route } from './routing/route.types';
import { route as routeOf } from './routing/router';
import { BodyTooLargeError, type Exchange } from './transport/exchange.types';
import type { ExchangeHandler } from './transport/listener';

function authError(route: Route, failure: AuthFailure): ErrorResponse {
  if (route.kind === 'aws-json') {
    return failure.type === 'AccessDeniedException'
      ? awsJsonError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token')
      : awsJsonError(403, failure.type, failure.message);
  }
  // A missing header comes back with a bare error type and capital `Message` (docs/bedrock-protocol.md §12).
  return failure.type === 'AccessDeniedException'
    ? restJsonError(403, failure.type, { [failure.messageKey]: failure.message }, null)
    : restJsonError(403, failure.type, { message: failure.message }, CORAL_SERVICE_NAMESPACE);
}

function errorIn(
  route: Route,
  status: number,
  type: string,
  message: string,
  extra?: Record<string, unknown>,
): ErrorResponse {
  return route.kind === 'aws-json'
    ? awsJsonError(status, type, message)
    : restJsonError(status, type, { message, ...extra });
}

function tooLarge(route: Route, limit: number): ErrorResponse {
  return errorIn(
    route,
    400,
    'ValidationException',
    `1 validation error detected: Value at 'body' failed to satisfy constraint: Member must have length less than or equal to ${limit}`,
  );
}

async function serve(
  ctx: EmulatorContext,
  exchange: Exchange,
  route: Exclude<Route, { kind: 'emulator' }>,
): Promise<void> {
  const record = ctx.log.begin(exchange.protocol, exchange.method, exchange.rawPath, exchange.headers);
  const responder = new Responder(exchange, record);
  if (route.kind === 'runtime') {
    record.operation = route.operation;
    record.modelId = route.modelId;
  } else if (route.kind === 'control-plane') {
    record.operation = route.operation;
    record.modelId = route.resourceId;
  } else if (route.kind === 'aws-json' && route.operation) {
    record.operation = route.operation;
  }

  let body: Buffer;
  try {
    body = await exchange.readBody(ctx.maxBodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return responder.sendError(tooLarge(route, error.limit));
    return record.finish('aborted');
  }
  ctx.log.attachBody(record, body);

  if (route.kind === 'unknown') {
    return responder.sendError(
      restJsonError(
        404,
        'UnknownOperationException',
        { message: `No operation matches ${exchange.method} ${exchange.rawPath}` },
        CORAL_SERVICE_NAMESPACE,
      ),
    );
  }

  const auth = checkAuth(exchange.headers, route.kind === 'aws-json' ? route.service : 'bedrock');
  if (!auth.ok) return responder.sendError(authError(route, auth.failure));
  record.auth = auth.auth;
  const region = auth.auth.scheme === 'sigv4' ? auth.auth.region : catalog.region;

  const applied = ctx.faults.take(route.operation, route.kind === 'runtime' ? route.modelId : undefined);
  if (applied) {
    record.faults = applied.kinds;
    responder.sliceBytes = applied.sliceBytes;
    if (applied.latencyMs > 0 && !(await sleep(applied.latencyMs, responder.signal))) return;
  }
  const terminal = applied?.terminal;
  if (terminal?.kind === 'error') {
    const spec = errorSpecFor(terminal.errorType, terminal);
    const extra =
      spec.type === 'ModelErrorException' && !spec.extra?.resourceName
        ? { ...spec.extra, resourceName: record.modelId }
        : spec.extra;
    return responder.sendError(errorIn(route, spec.status, spec.type, spec.message, extra));
  }

  switch (route.kind) {
    case 'runtime':
      return serveRuntime(ctx, responder, route.operation, route.modelId, exchange.headers, body, terminal);
    case 'control-plane':
      return serveControlPlane(responder, route.operation, route.resourceId, route.query, region, terminal);
    case 'aws-json':
      return serveAwsJson(responder, ctx.secrets, route.operation, route.target, body, region, terminal);
  }
}

function lastResort(exchange: Exchange): void {
  if (exchange.headersSent) return exchange.drop();
  const error = restJsonError(500, 'InternalServerException', {
    message: 'The system encountered an unexpected error during processing. Try your request again.',
  });
  exchange.sendHead(error.status, error.headers);
  exchange.end(error.body);
}

/** Routes each exchange: `/_emulator/*` to the control API, everything else through auth, faults and log. */
export function createDispatcher(ctx: EmulatorContext): ExchangeHandler {
  return (exchange) => {
    const route = routeOf(exchange.method, exchange.rawPath, exchange.headers);
    const work =
      route.kind === 'emulator'
        ? serveControlApi(ctx, exchange, route.segments, route.query)
        : serve(ctx, exchange, route);
    work.catch(() => lastResort(exchange));
  };
}
