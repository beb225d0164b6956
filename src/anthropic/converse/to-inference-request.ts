import type {
  ContentBlock as ConverseBlock,
  DocumentFormat,
  ImageFormat,
  Message,
  SystemContentBlock,
  ToolResultContentBlock,
} from '@aws-sdk/client-bedrock-runtime';
import { invalidRequest } from '../../common/errors/api-error';
import type { InferenceRequest, ReasoningIntent, ToolIntent } from '../../inference/inference-request';
import type { AnthropicMessagesRequest, ContentBlock } from '../anthropic-request.types';

/** Converse's ToolSpecification.name: 1–64 characters (Anthropic allows 128). */
const CONVERSE_TOOL_NAME_MAX = 64;
const CACHE_POINT = { cachePoint: { type: 'default' as const } };
const EFFORTS: Record<string, ReasoningIntent['effort']> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  max: 'high',
};

/** Bedrock document names allow letters, digits, spaces, hyphens, parentheses and brackets only. */
function documentName(title: unknown, index: number): string {
  const clean =
    typeof title === 'string'
      ? title
          .replace(/[^A-Za-z0-9 \-()[\]]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  return clean || `document-${index + 1}`;
}

function unsupported(type: string, path: string): never {
  throw invalidRequest(
    `${path}.type: '${type}' blocks are not supported for this model (only Claude models take Anthropic's full block set).`,
    `${path}.type`,
    'unsupported_content',
  );
}

function toolResultContent(content: unknown, path: string): ToolResultContentBlock[] {
  if (content === undefined || content === null) return [];
  if (typeof content === 'string') return [{ text: content }];
  return (content as ContentBlock[]).map((block, i) => {
    const converted = toConverseBlock(block, `${path}.${i}`, i);
    if (converted.text !== undefined) return { text: converted.text };
    if (converted.image) return { image: converted.image };
    if (converted.document) return { document: converted.document };
    return unsupported(block.type, `${path}.${i}`);
  });
}

function toConverseBlock(block: ContentBlock, path: string, index: number): ConverseBlock {
  switch (block.type) {
    case 'text':
      return { text: block.text };
    case 'image': {
      const source = block.source as { media_type: string; data: string };
      const format = source.media_type.replace('image/', '') as ImageFormat;
      return { image: { format, source: { bytes: Buffer.from(source.data, 'base64') } } };
    }
    case 'document': {
      const source = block.source as { type: string; media_type?: string; data?: string };
      if (source.type !== 'base64' && source.type !== 'text')
        unsupported(`document source ${source.type}`, path);
      const pdf = source.type === 'base64';
      return {
        document: {
          format: (pdf ? 'pdf' : 'txt') as DocumentFormat,
          name: documentName(block.title, index),
          source: { bytes: pdf ? Buffer.from(source.data!, 'base64') : Buffer.from(source.data!) },
        },
      };
    }
    case 'tool_use':
      return { toolUse: { toolUseId: block.id, name: block.name, input: block.input as never } };
    case 'tool_result':
      return {
        toolResult: {
          toolUseId: block.tool_use_id,
          content: toolResultContent(block.content, `${path}.content`),
          ...(block.is_error ? { status: 'error' as const } : {}),
        },
      };
    case 'thinking':
      return { reasoningContent: { reasoningText: { text: block.thinking, signature: block.signature } } };
    case 'redacted_thinking':
      return { reasoningContent: { redactedContent: Buffer.from(block.data, 'base64') } };
    default:
      return unsupported((block as { type: string }).type, path);
  }
}

function content(value: string | ContentBlock[], path: string): ConverseBlock[] {
  if (typeof value === 'string') return [{ text: value }];
  const out: ConverseBlock[] = [];
  value.forEach((block, i) => {
    out.push(toConverseBlock(block, `${path}.${i}`, i));
    if ((block as { cache_control?: unknown }).cache_control) out.push(CACHE_POINT);
  });
  return out;
}

/** The system prompt as Converse blocks; blank text (which Converse refuses) is left out. */
function system(req: AnthropicMessagesRequest): SystemContentBlock[] {
  if (req.system === undefined || req.system === null) return [];
  if (typeof req.system === 'string') return req.system.trim() ? [{ text: req.system }] : [];
  const out: SystemContentBlock[] = [];
  for (const block of req.system) {
    if (!block.text.trim()) continue;
    out.push({ text: block.text });
    if (block.cache_control) out.push(CACHE_POINT);
  }
  return out;
}

function tools(req: AnthropicMessagesRequest): ToolIntent | undefined {
  if (!req.tools || req.tools.length === 0) return undefined;
  const server = req.tools.filter((t) => t.type !== undefined && t.type !== 'custom');
  if (server.length > 0) {
    throw invalidRequest(
      `Amazon Bedrock does not offer these tools for this model: ${server.map((t) => t.type).join(', ')}. Remove them or use custom tools.`,
      'tools',
      'unsupported_tool',
    );
  }
  req.tools.forEach((t, i) => {
    if (t.name.length > CONVERSE_TOOL_NAME_MAX)
      throw invalidRequest(
        `tools.${i}.name: at most ${CONVERSE_TOOL_NAME_MAX} characters for this model (Bedrock's limit outside Claude).`,
        `tools.${i}.name`,
        'invalid_request',
      );
  });
  const choice = req.tool_choice;
  return {
    specs: req.tools.map((t) => ({
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      inputSchema: { json: t.input_schema as never },
    })),
    choice:
      !choice || choice.type === 'auto'
        ? 'auto'
        : choice.type === 'tool'
          ? { tool: choice.name }
          : choice.type,
    ...(choice?.disable_parallel_tool_use ? { parallel: false } : {}),
  };
}

function reasoning(req: AnthropicMessagesRequest): ReasoningIntent | undefined {
  const effort = req.output_config?.effort ? EFFORTS[req.output_config.effort] : undefined;
  const thinking = req.thinking;
  if (!thinking) return effort ? { effort } : undefined;
  if (thinking.type === 'enabled') return { mode: 'enabled', budgetTokens: thinking.budget_tokens, effort };
  return { mode: thinking.type, effort };
}

/**
 * Anthropic's Messages request → the internal request (Converse shapes), for families whose native body is
 * not Anthropic's (Nova, Llama, Mistral, DeepSeek, …). System-role messages were folded already; images by
 * URL were fetched. Blocks only Claude takes (server tool results, search results, …) are refused by name.
 */
export function toInferenceRequest(req: AnthropicMessagesRequest, betas: string[]): InferenceRequest {
  // Anthropic's API joins consecutive turns of one role; Converse needs them alternating, so they are joined here.
  const messages: Message[] = [];
  req.messages.forEach((m, i) => {
    const blocks = content(m.content, `messages.${i}.content`);
    const last = messages[messages.length - 1];
    if (last?.role === m.role) last.content!.push(...blocks);
    else messages.push({ role: m.role as 'user' | 'assistant', content: blocks });
  });
  const internal: InferenceRequest = {
    model: req.model,
    system: system(req),
    messages,
    inference: {
      maxTokens: req.max_tokens,
      ...(req.temperature != null ? { temperature: req.temperature } : {}),
      ...(req.top_p != null ? { topP: req.top_p } : {}),
      ...(req.top_k != null ? { topK: req.top_k } : {}),
      ...(req.stop_sequences?.length ? { stopSequences: req.stop_sequences } : {}),
    },
  };
  const toolIntent = tools(req);
  if (toolIntent) internal.tools = toolIntent;
  const reasoningIntent = reasoning(req);
  if (reasoningIntent) internal.reasoning = reasoningIntent;
  if (betas.length > 0) internal.betas = betas;
  return internal;
}
