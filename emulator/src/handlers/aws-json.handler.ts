import { awsJsonError } from '../errors/aws-error';
import type { TerminalFault } from '../faults/fault.types';
import { deliverBody } from '../http/deliver';
import type { Responder } from '../http/responder';
import type { AwsJsonOperation } from '../routing/route.types';
import { handleAwsJson } from '../secrets/aws-json.handlers';
import type { SecretStore } from '../secrets/secret-store';

/** Secrets Manager GetSecretValue and SSM GetParameter over AWS JSON 1.1. */
export function serveAwsJson(
  responder: Responder,
  store: SecretStore,
  operation: AwsJsonOperation | undefined,
  target: string,
  body: Buffer,
  region: string,
  terminal: TerminalFault | undefined,
): Promise<void> {
  const result = handleAwsJson(store, operation, target, body, region);
  if (!result.ok) return responder.sendError(awsJsonError(result.status, result.type, result.message));
  const payload = Buffer.from(JSON.stringify(result.body));
  return deliverBody(responder, 200, { 'content-type': 'application/x-amz-json-1.1' }, payload, terminal);
}
