import type { RuntimeOperation } from '../engine/engine.types';

export type ControlPlaneOperation =
  'ListFoundationModels' | 'GetFoundationModel' | 'ListInferenceProfiles' | 'GetInferenceProfile';

export type AwsJsonOperation = 'GetSecretValue' | 'GetParameter';

/** Every operation name the emulator can log or match a fault on. */
export type OperationName = RuntimeOperation | ControlPlaneOperation | AwsJsonOperation;

/** SigV4 credential-scope service each route must be signed for. */
export type SigningService = 'bedrock' | 'secretsmanager' | 'ssm';

export type Route =
  | { kind: 'runtime'; operation: RuntimeOperation; modelId: string }
  | { kind: 'control-plane'; operation: ControlPlaneOperation; resourceId?: string; query: URLSearchParams }
  | {
      kind: 'aws-json';
      service: 'secretsmanager' | 'ssm';
      operation: AwsJsonOperation | undefined;
      target: string;
    }
  | { kind: 'emulator'; segments: string[]; query: URLSearchParams }
  | { kind: 'unknown' };
