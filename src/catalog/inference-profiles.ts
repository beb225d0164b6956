import { BedrockClient as ControlPlaneClient, GetInferenceProfileCommand } from '@aws-sdk/client-bedrock';
import { Injectable } from '@nestjs/common';
import { parseModelId } from './model-id';

/**
 * Maps application-inference-profile ARNs to the base model they run, asking Bedrock's control plane once per
 * ARN. An application profile's id says nothing about its model, so this is the only way to know the family.
 */
@Injectable()
export class InferenceProfileDirectory {
  private readonly known = new Map<string, string>();
  private readonly pending = new Map<string, Promise<string | undefined>>();

  constructor(private readonly control: ControlPlaneClient) {}

  /** Records what a catalog load already learnt, so no lookup is needed. */
  remember(arn: string, baseModelId: string): void {
    this.known.set(arn, baseModelId);
  }

  async baseModelOf(arn: string): Promise<string | undefined> {
    const hit = this.known.get(arn);
    if (hit) return hit;
    let lookup = this.pending.get(arn);
    if (!lookup) {
      lookup = this.fetch(arn).finally(() => this.pending.delete(arn));
      this.pending.set(arn, lookup);
    }
    return lookup;
  }

  private async fetch(arn: string): Promise<string | undefined> {
    try {
      const out = await this.control.send(
        new GetInferenceProfileCommand({ inferenceProfileIdentifier: arn }),
      );
      const modelArn = out.models?.[0]?.modelArn;
      if (!modelArn) return undefined;
      const parsed = parseModelId(modelArn);
      if (parsed.kind !== 'foundation') return undefined;
      this.known.set(arn, parsed.baseModelId);
      return parsed.baseModelId;
    } catch (err) {
      if (
        (err as Error).name === 'ResourceNotFoundException' ||
        (err as Error).name === 'ValidationException'
      ) {
        return undefined;
      }
      throw err;
    }
  }
}
