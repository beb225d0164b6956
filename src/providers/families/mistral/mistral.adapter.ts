import { Injectable } from '@nestjs/common';
import { ConverseAdapter } from '../../converse/converse.adapter';

/**
 * Mistral. Mistral 7B and Mixtral take no system prompt (folded into the first user turn); Large has
 * tools but not while streaming and no text beside tool results: all capability data.
 */
@Injectable()
export class MistralAdapter extends ConverseAdapter {
  constructor() {
    super('mistral');
  }
}
