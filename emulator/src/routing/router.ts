import type { RuntimeOperation } from '../engine/engine.types';
import { splitPath } from './path';
import type { AwsJsonOperation, Route } from './route.types';

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
  const { segments, query } = splitPath(rawPath);
  if (!segments) return { kind: 'unknown' };
  const first = segments[0];

  if (first === EMULATOR_PREFIX)
    return { kind: 'emulator', segments: segments.slice(1), query: new URLSearchParams(query) };

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
    if (first === 'foundation-models') {
      if (segments.length === 1)
        return {
          kind: 'control-plane',
          operation: 'ListFoundationModels',
          query: new URLSearchParams(query),
        };
      if (segments.length === 2)
        return {
          kind: 'control-plane',
          operation: 'GetFoundationModel',
          resourceId: segments[1],
          query: new URLSearchParams(query),
        };
    }
    if (first === 'inference-profiles') {
      if (segments.length === 1)
        return {
          kind: 'control-plane',
          operation: 'ListInferenceProfiles',
          query: new URLSearchParams(query),
        };
      if (segments.length === 2)
        return {
          kind: 'control-plane',
          operation: 'GetInferenceProfile',
          resourceId: segments[1],
          query: new URLSearchParams(query),
        };
    }
  }
  return { kind: 'unknown' };
}
