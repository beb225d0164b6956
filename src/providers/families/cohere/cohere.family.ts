import { cohereV3Adapter } from './cohere-v3.embeddings';
import { cohereV4Adapter } from './cohere-v4.embeddings';
import { ConverseFamily } from '../../converse/converse-family';

/**
 * Cohere. Command R / R+: tools, also while streaming, but no explicit toolChoice (`auto` is left out,
 * `required` and named tools are refused): capability data. Embeddings: Embed v3 and v4.
 */
export class CohereFamily extends ConverseFamily {
  readonly family = 'cohere';
  readonly embeddings = { 'cohere-v3': cohereV3Adapter, 'cohere-v4': cohereV4Adapter };
}

export const family = new CohereFamily();
