import { randomUUID } from 'node:crypto';

export type ParameterType = 'String' | 'SecureString' | 'StringList';

export interface StoredSecret {
  name: string;
  value: string | Buffer;
  versionId: string;
  createdAt: Date;
  /** Secrets Manager appends six random characters to a secret's ARN. */
  arnSuffix: string;
}

export interface StoredParameter {
  name: string;
  value: string;
  type: ParameterType;
  version: number;
  lastModified: Date;
}

export interface ParameterInput {
  value: string;
  type?: ParameterType;
}

const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function arnSuffix(): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += SUFFIX_ALPHABET[Math.floor(Math.random() * SUFFIX_ALPHABET.length)];
  return s;
}

/** Secrets and SSM parameters served to the gateway (API keys), seeded by options or the control API. */
export class SecretStore {
  private readonly secrets = new Map<string, StoredSecret>();
  private readonly parameters = new Map<string, StoredParameter>();

  constructor(
    private readonly seedSecrets: Record<string, string> = {},
    private readonly seedParameters: Record<string, string | ParameterInput> = {},
  ) {
    this.reset();
  }

  setSecret(name: string, value: string | Buffer): void {
    this.secrets.set(name, {
      name,
      value,
      versionId: randomUUID(),
      createdAt: new Date(),
      arnSuffix: arnSuffix(),
    });
  }

  deleteSecret(name: string): boolean {
    return this.secrets.delete(name);
  }

  /** By name or by the full ARN a previous response returned. */
  findSecret(idOrArn: string): StoredSecret | undefined {
    const byName = this.secrets.get(idOrArn);
    if (byName || !idOrArn.startsWith('arn:')) return byName;
    for (const secret of this.secrets.values())
      if (idOrArn.endsWith(`:secret:${secret.name}-${secret.arnSuffix}`)) return secret;
    return undefined;
  }

  setParameter(name: string, input: string | ParameterInput): void {
    const { value, type = 'String' } = typeof input === 'string' ? { value: input } : input;
    const version = (this.parameters.get(name)?.version ?? 0) + 1;
    this.parameters.set(name, { name, value, type, version, lastModified: new Date() });
  }

  deleteParameter(name: string): boolean {
    return this.parameters.delete(name);
  }

  findParameter(name: string): StoredParameter | undefined {
    return this.parameters.get(name);
  }

  /** Back to the seeded contents. */
  reset(): void {
    this.secrets.clear();
    this.parameters.clear();
    for (const [name, value] of Object.entries(this.seedSecrets)) this.setSecret(name, value);
    for (const [name, value] of Object.entries(this.seedParameters)) this.setParameter(name, value);
  }
}
