import { ConverseFamily } from '../../converse/converse-family';

/**
 * Mistral. Mistral 7B and Mixtral take no system prompt (folded into the first user turn); Large has tools
 * but not while streaming and no text beside tool results: all capability data.
 */
export class MistralFamily extends ConverseFamily {
  readonly family = 'mistral';
}

export const family = new MistralFamily();
