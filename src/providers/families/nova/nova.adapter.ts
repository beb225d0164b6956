import { Injectable } from '@nestjs/common';
import { ConverseAdapter } from '../../converse/converse.adapter';

/**
 * Amazon Nova. Vision, documents, tools (also while streaming) and prompt caching on the Pro/Lite/Premier
 * models; Micro is text-only. The differences are capability data (model-capabilities.data.json).
 */
@Injectable()
export class NovaAdapter extends ConverseAdapter {
  constructor() {
    super('nova');
  }
}
