import { Injectable } from '@nestjs/common';
import { ConverseAdapter } from '../../converse/converse.adapter';

/**
 * Anthropic Claude. Vision, documents, tools with every toolChoice, signed reasoning passed back unchanged;
 * extended thinking and prompt caching on 3.7 / 4.x (capability data).
 */
@Injectable()
export class ClaudeAdapter extends ConverseAdapter {
  constructor() {
    super('claude');
  }
}
