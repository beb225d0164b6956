import { Injectable } from '@nestjs/common';
import { ConverseAdapter } from '../../converse/converse.adapter';

/**
 * Meta Llama 3.x / 4 through Converse. No tool use while streaming (the chat service then makes the
 * non-streaming call and replays it as a stream), `auto` tool choice only, no text beside tool results, vision
 * on 3.2 11B/90B and Llama 4: all capability data.
 */
@Injectable()
export class LlamaAdapter extends ConverseAdapter {
  constructor() {
    super('llama');
  }
}
