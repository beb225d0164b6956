import type { ControlPlaneResult } from '../control-plane/control-plane.result';
import { getFoundationModel, listFoundationModels } from '../control-plane/foundation-models';
import { getInferenceProfile, listInferenceProfiles } from '../control-plane/inference-profiles';
import { restJsonError } from '../errors/aws-error';
import type { TerminalFault } from '../faults/fault.types';
import { deliverBody } from '../http/deliver';
import type { Responder } from '../http/responder';
import type { ControlPlaneOperation } from '../routing/route.types';

function run(
  operation: ControlPlaneOperation,
  resourceId: string | undefined,
  query: URLSearchParams,
  region: string,
): ControlPlaneResult {
  switch (operation) {
    case 'ListFoundationModels':
      return listFoundationModels(query, region);
    case 'GetFoundationModel':
      return getFoundationModel(resourceId ?? '', region);
    case 'ListInferenceProfiles':
      return listInferenceProfiles(query, region);
    case 'GetInferenceProfile':
      return getInferenceProfile(resourceId ?? '', region);
  }
}

/** The Bedrock control-plane reads (ListFoundationModels … GetInferenceProfile), built from the catalog. */
export function serveControlPlane(
  responder: Responder,
  operation: ControlPlaneOperation,
  resourceId: string | undefined,
  query: URLSearchParams,
  region: string,
  terminal: TerminalFault | undefined,
): Promise<void> {
  const result = run(operation, resourceId, query, region);
  if (!result.ok)
    return responder.sendError(restJsonError(result.status, result.type, { message: result.message }));
  const body = Buffer.from(JSON.stringify(result.body));
  return deliverBody(responder, 200, { 'content-type': 'application/json' }, body, terminal);
}
