import { titanV1Adapter } from './titan-v1.embeddings';
import { titanV2Adapter } from './titan-v2.embeddings';
import { ConverseFamily } from '../../converse/converse-family';

/**
 * Amazon Titan. Text models take no system prompt (folded into the first user turn) and no tools:
 * capability data. Embeddings: Titan Embeddings G1 (`titan-v1`) and Text Embeddings V2 (`titan-v2`).
 */
export class TitanFamily extends ConverseFamily {
  readonly family = 'titan';
  readonly embeddings = { 'titan-v1': titanV1Adapter, 'titan-v2': titanV2Adapter };
}

export const family = new TitanFamily();
