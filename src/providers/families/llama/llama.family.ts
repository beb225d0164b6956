import { ConverseFamily } from '../../converse/converse-family';

/**
 * Meta Llama 3.x / 4 through Converse. No tool use while streaming (the middle then makes the non-streaming
 * call and replays it as a stream), `auto` tool choice only, no text beside tool results, vision on 3.2
 * 11B/90B and Llama 4: all capability data.
 */
export class LlamaFamily extends ConverseFamily {
  readonly family = 'llama';
}

export const family = new LlamaFamily();
