import { ConverseFamily } from '../../converse/converse-family';

/**
 * OpenAI's open-weight models on Bedrock (`openai.gpt-oss-120b-1:0`, `openai.gpt-oss-20b-1:0`), through
 * Converse: system prompts and tools (`auto`; not while streaming, so the middle replays tool answers as a
 * stream), no images; they always reason, and the reasoning comes back as reasoningContent (surfaced as
 * reasoning, never inside the answer). All of it is capability data (docs/bedrock-protocol.md §8.11, §9).
 * Their native InvokeModel body is OpenAI's chat-completions shape, which this gateway does not speak yet, so
 * legacy completions for them are refused with a 400.
 */
export class GptOssFamily extends ConverseFamily {
  readonly family = 'gpt-oss';
}

export const family = new GptOssFamily();
