import { ConverseFamily } from '../../converse/converse-family';

/**
 * Alibaba's Qwen3 models on Bedrock (`qwen.qwen3-32b-v1:0`, `qwen.qwen3-235b-a22b-2507-v1:0`, the Coder
 * models), through Converse: system prompts, tools with `auto` (also while streaming), images only on the VL
 * model. All of it is capability data (docs/bedrock-protocol.md §8.11, §9). Like gpt-oss, their native
 * InvokeModel body is OpenAI's chat-completions shape, not spoken here yet.
 */
export class QwenFamily extends ConverseFamily {
  readonly family = 'qwen';
}

export const family = new QwenFamily();
