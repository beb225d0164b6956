import type { RuntimeOperation } from '../engine/engine.types';
import { splitPath } from './path';
import type { AwsJsonOperation, ControlPlaneOperation, Route } from './route.types';

const RUNTIME_ACTIONS: Readonly<Record<string, RuntimeOperation>> = {
  converse: 'Converse',
  'converse-stream': 'ConverseStream',
  invoke: 'InvokeModel',
  'invoke-with-response-stream': 'InvokeModelWithResponseStream',
  'count-tokens': 'CountTokens',
};

/** `x-amz-target` values of the AWS JSON 1.1 operations served (Secrets Manager and SSM API keys). */
const AWS_JSON_TARGETS: Readonly<
  Record<string, { service: 'secretsmanager' | 'ssm'; operation: AwsJsonOperation }>
> = {
  'secretsmanager.GetSecretValue': { service: 'secretsmanager', operation: 'GetSecretValue' },
  'AmazonSSM.GetParameter': { service: 'ssm', operation: 'GetParameter' },
};

/** The control-plane reads: a collection (list) and one item of it (get). */
const CONTROL_PLANE_READS: Readonly<
  Record<string, { list: ControlPlaneOperation; get: ControlPlaneOperation }>
> = {
  'foundation-models': { list: 'ListFoundationModels', get: 'GetFoundationModel' },
  'inference-profiles': { list: 'ListInferenceProfiles', get: 'GetInferenceProfile' },
};

export const EMULATOR_PREFIX = '_emulator';

function awsJsonRoute(target: string): Route {
  const known = AWS_JSON_TARGETS[target];
  if (known) return { kind: 'aws-json', ...known, target };
  if (target.startsWith('secretsmanager.'))
    return { kind: 'aws-json', service: 'secretsmanager', operation: undefined, target };
  if (target.startsWith('AmazonSSM.'))
    return { kind: 'aws-json', service: 'ssm', operation: undefined, target };
  return { kind: 'unknown' };
}

/** Maps method + raw path (+ `x-amz-target` for AWS JSON services) to an operation. */
export function route(method: string, rawPath: string, headers: Record<string, string>): Route {
  const { segments, query: rawQuery } = splitPath(rawPath);
  if (!segments) return { kind: 'unknown' };
  const first = segments[0];

  if (first === EMULATOR_PREFIX)
    return { kind: 'emulator', segments: segments.slice(1), query: new URLSearchParams(rawQuery) };

  if (method === 'POST') {
    if (first === 'model' && segments.length === 3) {
      const operation = RUNTIME_ACTIONS[segments[2]];
      if (operation) return { kind: 'runtime', operation, modelId: segments[1] };
    }
    const target = headers['x-amz-target'];
    if (target !== undefined && segments.length === 1 && first === '') return awsJsonRoute(target);
    return { kind: 'unknown' };
  }

  if (method === 'GET') {
    const reads = CONTROL_PLANE_READS[first];
    if (reads && segments.length <= 2) {
      const query = new URLSearchParams(rawQuery);
      return segments.length === 1
        ? { kind: 'control-plane', operation: reads.list, query }
        : { kind: 'control-plane', operation: reads.get, resourceId: segments[1], query };
    }
  }
  return { kind: 'unknown' };
}
