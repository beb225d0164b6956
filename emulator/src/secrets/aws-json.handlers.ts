import { catalog } from '../catalog/catalog';
import type { AwsJsonOperation } from '../routing/route.types';
import type { SecretStore } from './secret-store';

export type AwsJsonResult =
  { ok: true; body: unknown } | { ok: false; status: number; type: string; message: string | undefined };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Epoch seconds: AWS JSON 1.1 serialises timestamps as numbers. */
function epochSeconds(date: Date): number {
  return date.getTime() / 1000;
}

function getSecretValue(store: SecretStore, input: Record<string, unknown>, region: string): AwsJsonResult {
  const id = input.SecretId;
  if (typeof id !== 'string' || id === '') {
    return {
      ok: false,
      status: 400,
      type: 'InvalidParameterException',
      message: 'You must provide a value for SecretId.',
    };
  }
  const secret = store.findSecret(id);
  if (!secret) {
    return {
      ok: false,
      status: 400,
      type: 'ResourceNotFoundException',
      message: "Secrets Manager can't find the specified secret.",
    };
  }
  const body: Record<string, unknown> = {
    ARN: `arn:aws:secretsmanager:${region}:${catalog.accountId}:secret:${secret.name}-${secret.arnSuffix}`,
    Name: secret.name,
    VersionId: secret.versionId,
    VersionStages: ['AWSCURRENT'],
    CreatedDate: epochSeconds(secret.createdAt),
  };
  if (typeof secret.value === 'string') body.SecretString = secret.value;
  else body.SecretBinary = secret.value.toString('base64');
  return { ok: true, body };
}

function getParameter(store: SecretStore, input: Record<string, unknown>, region: string): AwsJsonResult {
  const name = input.Name;
  if (typeof name !== 'string' || name === '') {
    return {
      ok: false,
      status: 400,
      type: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
    };
  }
  const parameter = store.findParameter(name);
  if (!parameter)
    return { ok: false, status: 400, type: 'ParameterNotFound', message: `Parameter ${name} not found.` };
  // Without WithDecryption a SecureString comes back encrypted; the emulator's "ciphertext" is opaque base64.
  const encrypted = parameter.type === 'SecureString' && input.WithDecryption !== true;
  const value = encrypted
    ? Buffer.from(`emulator-kms:${parameter.value}`).toString('base64')
    : parameter.value;
  const path = name.startsWith('/') ? name : `/${name}`;
  return {
    ok: true,
    body: {
      Parameter: {
        Name: parameter.name,
        Type: parameter.type,
        Value: value,
        Version: parameter.version,
        LastModifiedDate: epochSeconds(parameter.lastModified),
        ARN: `arn:aws:ssm:${region}:${catalog.accountId}:parameter${path}`,
        DataType: 'text',
      },
    },
  };
}

/** Serves the AWS JSON 1.1 operations the gateway uses to fetch API keys. */
export function handleAwsJson(
  store: SecretStore,
  operation: AwsJsonOperation | undefined,
  target: string,
  body: Buffer,
  region: string,
): AwsJsonResult {
  if (operation === undefined) {
    return {
      ok: false,
      status: 400,
      type: 'UnknownOperationException',
      message: `Operation ${target} is not supported by the emulator.`,
    };
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return {
      ok: false,
      status: 400,
      type: 'SerializationException',
      message: 'Start of structure or map found where not expected.',
    };
  }
  if (!isRecord(input)) return { ok: false, status: 400, type: 'SerializationException', message: undefined };
  return operation === 'GetSecretValue'
    ? getSecretValue(store, input, region)
    : getParameter(store, input, region);
}
