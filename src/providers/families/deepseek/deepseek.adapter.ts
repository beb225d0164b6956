import { Injectable } from '@nestjs/common';
import { ConverseAdapter } from '../../converse/converse.adapter';

/**
 * DeepSeek. R1 always reasons: its reasoningContent becomes `reasoning_content` (never `<think>` text
 * inside `content`), and it is not sent back on later turns. No tools on R1; V3 has them.
 */
@Injectable()
export class DeepSeekAdapter extends ConverseAdapter {
  constructor() {
    super('deepseek');
  }
}
