import { Injectable } from '@nestjs/common';
import { ConverseAdapter } from '../../converse/converse.adapter';

/**
 * Amazon Titan Text. No system prompt (folded into the first user turn) and no tools: capability data.
 */
@Injectable()
export class TitanAdapter extends ConverseAdapter {
  constructor() {
    super('titan');
  }
}
