/**
 * Bedrock rejections the emulator reproduces, as data: each case is run against the engine directly
 * (rejections.spec.ts) and through the real AWS SDK against a running emulator (rejections.sdk.spec.ts).
 * `source` says where the expected message comes from: a wire-doc section (../shared/docs/bedrock-wire.md,
 * itself citing public captures), a public issue thread, or "UNVERIFIED" where no capture was found.
 */
import type { RuntimeOperation } from '../src/engine/engine.types';

export interface RejectionCase {
  name: string;
  operation: RuntimeOperation;
  modelId: string;
  /** Wire JSON (blobs base64); InvokeModel bodies are the model-native JSON. */
  body: unknown;
  /** InvokeModel content type (default application/json). */
  contentType?: string;
  /** Region the request is signed for (default us-east-1). */
  region?: string;
  status: number;
  exception: string;
  message: string;
  source: string;
}

const HAIKU = 'anthropic.claude-3-haiku-20240307-v1:0';
const HAIKU_35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const SONNET_37 = 'us.anthropic.claude-3-7-sonnet-20250219-v1:0';
const SONNET_45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const LLAMA = 'meta.llama3-1-70b-instruct-v1:0';
const MISTRAL_LARGE = 'mistral.mistral-large-2402-v1:0';
const MISTRAL_7B = 'mistral.mistral-7b-instruct-v0:2';
const TITAN_TEXT = 'amazon.titan-text-express-v1';
const R1 = 'us.deepseek.r1-v1:0';

/** 16 bytes with a PNG signature: enough for the emulator's magic-byte sniffing. */
export const PNG_B64 = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

const user = (text: string) => ({ role: 'user', content: [{ text }] });
const assistant = (text: string) => ({ role: 'assistant', content: [{ text }] });
const tool = { toolSpec: { name: 'get_time', inputSchema: { json: { type: 'object', properties: {} } } } };
const tools = (extra: Record<string, unknown> = {}) => ({ tools: [tool], ...extra });
const toolTurns = (status?: string, extraUserBlock?: Record<string, unknown>) => [
  user('get_time'),
  { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_a', name: 'get_time', input: {} } }] },
  {
    role: 'user',
    content: [
      ...(extraUserBlock ? [extraUserBlock] : []),
      { toolResult: { toolUseId: 'tooluse_a', content: [{ text: 'noon' }], ...(status ? { status } : {}) } },
    ],
  },
];
const thinking = (budget = 1024) => ({ thinking: { type: 'enabled', budget_tokens: budget } });
const image = (bytes = PNG_B64, format = 'png') => ({ image: { format, source: { bytes } } });
const MODEL_ERRORS = 'The model returned the following errors: ';
const MALFORMED = (v: string) => `Malformed input request: ${v}, please reformat your input and try again.`;
const NO_STREAM_TOOLS = "This model doesn't support tool use in streaming mode.";

export const REJECTIONS: RejectionCase[] = [
  {
    name: 'unknown model id',
    operation: 'Converse',
    modelId: 'anthropic.claude-9-opus-v1:0',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message: 'The provided model identifier is invalid.',
    source: 'wire §2.1 (aws-samples/amazon-bedrock-workshop#315, Kilo-Org/kilocode#586)',
  },
  {
    name: 'inference profile of another geography (eu. signed for us-east-1)',
    operation: 'Converse',
    modelId: 'eu.anthropic.claude-3-7-sonnet-20250219-v1:0',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message: 'The provided model identifier is invalid.',
    source: 'wire §2.1; profiles serve only their geography (AWS cross-region inference docs)',
  },
  {
    name: 'us. profile signed for eu-west-1',
    operation: 'Converse',
    modelId: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
    region: 'eu-west-1',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message: 'The provided model identifier is invalid.',
    source: 'wire §2.1',
  },
  {
    name: 'profile-only model by bare id (Claude 3.7 Sonnet)',
    operation: 'Converse',
    modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message:
      'Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    source: 'wire §2.1 (terricain/aioboto3#352)',
  },
  {
    name: 'profile-only model by bare id through InvokeModel (DeepSeek R1)',
    operation: 'InvokeModel',
    modelId: 'deepseek.r1-v1:0',
    body: { prompt: 'hi' },
    status: 400,
    exception: 'ValidationException',
    message:
      'Invocation of model ID deepseek.r1-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    source: 'wire §2.1 (terricain/aioboto3#352)',
  },
  {
    name: 'LEGACY model',
    operation: 'Converse',
    modelId: 'anthropic.claude-3-sonnet-20240229-v1:0',
    body: { messages: [user('hi')] },
    status: 404,
    exception: 'ResourceNotFoundException',
    message:
      'Access denied. This Model is marked by provider as Legacy and you have not been actively using the model in the last 15 days. Please upgrade to an active model on Amazon Bedrock',
    source: 'wire §6.3',
  },
  {
    name: 'embedding model through Converse',
    operation: 'Converse',
    modelId: 'amazon.titan-embed-text-v2:0',
    body: { messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message:
      "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
    source: 'issue brief (real Bedrock message for non-chat models)',
  },
  {
    name: 'conversation starts with an assistant message',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [assistant('hello'), user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message:
      'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
    source: 'wire §3.1 (langgenius/dify#12340)',
  },
  {
    name: 'two user turns in a row',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [user('a'), user('b')] },
    status: 400,
    exception: 'ValidationException',
    message:
      'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
    source: 'wire §3.1 (langchain-aws#130, #192)',
  },
  {
    name: 'blank text block',
    operation: 'Converse',
    modelId: HAIKU,
    body: {
      messages: [user('hi'), assistant('yes'), { role: 'user', content: [{ text: 'ok' }, { text: '  ' }] }],
    },
    status: 400,
    exception: 'ValidationException',
    message:
      'The text field in the ContentBlock object at messages.2.content.1 is blank. Add text to the text field, and try again.',
    source: 'wire §3.1 (aws-samples/bedrock-engineer#8)',
  },
  {
    name: 'empty content list',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [user('hi'), { role: 'assistant', content: [] }, user('again')] },
    status: 400,
    exception: 'ValidationException',
    message:
      'The content field in the Message object at messages.1 is empty. Add a ContentBlock object to the content field and try again.',
    source: 'public captures (vercel/ai tests, lossless-claw changelog quoting Bedrock)',
  },
  {
    name: 'toolUse/toolResult without toolConfig',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: toolTurns() },
    status: 400,
    exception: 'ValidationException',
    message: 'The toolConfig field must be defined when using toolUse and toolResult content blocks.',
    source: 'wire §3.1 (vxcontrol/pentagi#160)',
  },
  {
    name: 'toolResult that answers no toolUse of the previous turn',
    operation: 'Converse',
    modelId: HAIKU,
    body: {
      messages: [
        user('hi'),
        assistant('sure'),
        { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_x', content: [{ text: '1' }] } }] },
      ],
      toolConfig: tools(),
    },
    status: 400,
    exception: 'ValidationException',
    message:
      'The number of toolResult blocks at messages.2.content exceeds the number of toolUse blocks of previous turn.',
    source: 'public captures (openclaw tests, several agent harness logs quoting Bedrock)',
  },
  {
    name: 'system prompt on Titan Text',
    operation: 'Converse',
    modelId: TITAN_TEXT,
    body: { system: [{ text: 'be nice' }], messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message:
      "This model doesn't support system messages. Try again without a system message or use a model that supports system messages.",
    source: 'wire §9/§6.3 (wording captured for Mistral 7B; applied to Titan Text)',
  },
  {
    name: 'system prompt on Mistral 7B',
    operation: 'Converse',
    modelId: MISTRAL_7B,
    body: { system: [{ text: 'be nice' }], messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message:
      "This model doesn't support system messages. Try again without a system message or use a model that supports system messages.",
    source: 'wire §6.3',
  },
  {
    name: 'image on a model without vision (Claude 3.5 Haiku)',
    operation: 'Converse',
    modelId: HAIKU_35,
    body: { messages: [{ role: 'user', content: [{ text: 'look' }, image()] }] },
    status: 400,
    exception: 'ValidationException',
    message:
      "This model doesn't support the image content block that you provided. Update the content block and try again.",
    source: 'public captures (agent benchmark logs quoting ValidationException from Converse)',
  },
  {
    name: 'document without a text block in the same message',
    operation: 'Converse',
    modelId: HAIKU,
    body: {
      messages: [
        {
          role: 'user',
          content: [{ document: { name: 'notes', format: 'txt', source: { bytes: 'aGVsbG8=' } } }],
        },
      ],
    },
    status: 400,
    exception: 'ValidationException',
    message: 'A text block must be included when using documents.',
    source: 'wire §12 (maximhq/bifrost#5817, BerriAI/litellm#36499)',
  },
  {
    name: 'tool use on a model without it (Titan Text)',
    operation: 'Converse',
    modelId: TITAN_TEXT,
    body: { messages: [user('hi')], toolConfig: tools() },
    status: 400,
    exception: 'ValidationException',
    message: "This model doesn't support tool use.",
    source: 'public captures (litellm issue quoting {"message":"This model doesn\'t support tool use."})',
  },
  {
    name: 'tool use in streaming on Llama',
    operation: 'ConverseStream',
    modelId: LLAMA,
    body: { messages: [user('hi')], toolConfig: tools() },
    status: 400,
    exception: 'ValidationException',
    message: NO_STREAM_TOOLS,
    source: 'wire §6.3/§9',
  },
  {
    name: 'tool use in streaming on Mistral Large',
    operation: 'ConverseStream',
    modelId: MISTRAL_LARGE,
    body: { messages: [user('hi')], toolConfig: tools() },
    status: 400,
    exception: 'ValidationException',
    message: NO_STREAM_TOOLS,
    source: 'wire §9 (langchain-aws streaming support table)',
  },
  {
    name: 'tool use in streaming on DeepSeek R1',
    operation: 'ConverseStream',
    modelId: R1,
    body: { messages: [user('hi')], toolConfig: tools() },
    status: 400,
    exception: 'ValidationException',
    message: NO_STREAM_TOOLS,
    source: 'wire §9',
  },
  {
    name: 'toolChoice any on Llama',
    operation: 'Converse',
    modelId: LLAMA,
    body: { messages: [user('hi')], toolConfig: tools({ toolChoice: { any: {} } }) },
    status: 400,
    exception: 'ValidationException',
    message:
      "This model doesn't support the toolConfig.toolChoice.any field. Remove toolConfig.toolChoice.any and try again.",
    source: 'wire §6.3',
  },
  {
    name: 'toolChoice tool on Mistral Large',
    operation: 'Converse',
    modelId: MISTRAL_LARGE,
    body: { messages: [user('hi')], toolConfig: tools({ toolChoice: { tool: { name: 'get_time' } } }) },
    status: 400,
    exception: 'ValidationException',
    message:
      "This model doesn't support the toolConfig.toolChoice.tool field. Remove toolConfig.toolChoice.tool and try again.",
    source: 'wire §6.3',
  },
  {
    name: 'toolResult status outside Claude/Nova (Llama)',
    operation: 'Converse',
    modelId: LLAMA,
    body: { messages: toolTurns('success'), toolConfig: tools() },
    status: 400,
    exception: 'ValidationException',
    message: "This model doesn't support the status field. Remove status and try again.",
    source: 'wire §3.1 (strands-agents/harness-sdk#393)',
  },
  {
    name: 'text beside toolResult on Llama',
    operation: 'Converse',
    modelId: LLAMA,
    body: { messages: toolTurns(undefined, { text: 'here you go' }), toolConfig: tools() },
    status: 400,
    exception: 'ValidationException',
    message: 'Conversation blocks and tool result blocks cannot be provided in the same turn.',
    source: 'wire §12 (browser-use/browser-use#710, langchain-ai/langchain-aws#141)',
  },
  {
    name: 'thinking budget below 1024',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking(512),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}thinking.enabled.budget_tokens: Input should be greater than or equal to 1024`,
    source: 'Anthropic API error quoted in public test suites; Bedrock prefix per wire §3.1',
  },
  {
    name: 'thinking budget not below maxTokens',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      inferenceConfig: { maxTokens: 1024 },
      additionalModelRequestFields: thinking(1024),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}\`max_tokens\` must be greater than \`thinking.budget_tokens\`.`,
    source: 'Anthropic API error (raw 400 bodies in public issue threads)',
  },
  {
    name: 'thinking with topP (reasoning_config spelling)',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      inferenceConfig: { maxTokens: 4000, topP: 0.9 },
      additionalModelRequestFields: { reasoning_config: { type: 'enabled', budget_tokens: 1024 } },
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}\`top_p\` must be unset when thinking is enabled.`,
    source: 'client code comments quoting Anthropic; full wording UNVERIFIED',
  },
  {
    name: 'thinking with temperature other than 1',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      inferenceConfig: { maxTokens: 4000, temperature: 0.5 },
      additionalModelRequestFields: thinking(),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking`,
    source: 'Anthropic API error (raw 400 bodies in public issue threads)',
  },
  {
    name: 'thinking with a forced tool choice',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [user('hi')],
      toolConfig: tools({ toolChoice: { any: {} } }),
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking(),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}Thinking may not be enabled when tool_choice forces tool use.`,
    source: 'Anthropic API error quoted in public issue threads (incl. through Bedrock)',
  },
  {
    name: 'thinking on, last assistant tool turn without a reasoning block',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: toolTurns(),
      toolConfig: tools(),
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking(),
    },
    status: 400,
    exception: 'ValidationException',
    message:
      `${MODEL_ERRORS}messages.1.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`tool_use\`. ` +
      'When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). ' +
      'We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. ' +
      'Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking',
    source: 'Anthropic API error, captured through Bedrock in floship-llm tests',
  },
  {
    name: 'thinking on, reasoning block with a forged signature',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      messages: [
        user('get_time'),
        {
          role: 'assistant',
          content: [
            { reasoningContent: { reasoningText: { text: 'I should call get_time.', signature: 'forged' } } },
            { toolUse: { toolUseId: 'tooluse_a', name: 'get_time', input: {} } },
          ],
        },
        { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_a', content: [{ text: 'noon' }] } }] },
      ],
      toolConfig: tools(),
      inferenceConfig: { maxTokens: 4000 },
      additionalModelRequestFields: thinking(),
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}messages.1.content.0: Invalid \`signature\` in \`thinking\` block`,
    source: 'Anthropic API error (raw 400 bodies in public issue threads)',
  },
  {
    name: 'unknown key in additionalModelRequestFields for Claude',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [user('hi')], additionalModelRequestFields: { frequency_penalty: 1 } },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}${MALFORMED('#: extraneous key [frequency_penalty] is not permitted')}`,
    source: 'wire §12 (traceloop/openllmetry#3390)',
  },
  {
    name: 'temperature and topP together on Claude Sonnet 4.5',
    operation: 'Converse',
    modelId: SONNET_45,
    body: { messages: [user('hi')], inferenceConfig: { temperature: 0.5, topP: 0.9 } },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}\`temperature\` and \`top_p\` cannot both be specified for this model. Please use only one.`,
    source: 'wire §9 (mem0ai/mem0#3891, aws-samples/bedrock-access-gateway#191)',
  },
  {
    name: 'cachePoint on a model without prompt caching (Llama)',
    operation: 'Converse',
    modelId: LLAMA,
    body: { system: [{ text: 'sys' }, { cachePoint: { type: 'default' } }], messages: [user('hi')] },
    status: 403,
    exception: 'AccessDeniedException',
    message:
      'You invoked an unsupported model or your request did not allow prompt caching. See the documentation for more information.',
    source: 'wire §12 (strands-agents/harness-sdk#1807, BerriAI/litellm#39210)',
  },
  {
    name: 'more than 4 cache points',
    operation: 'Converse',
    modelId: SONNET_37,
    body: {
      system: [1, 2, 3, 4, 5].flatMap((i) => [{ text: `part ${i}` }, { cachePoint: { type: 'default' } }]),
      messages: [user('hi')],
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}A maximum of 4 blocks with cache_control may be provided. Found 5.`,
    source: 'Anthropic API error (public issue threads); limit per wire §9',
  },
  {
    name: 'more than 20 images',
    operation: 'Converse',
    modelId: HAIKU,
    body: {
      messages: [{ role: 'user', content: [{ text: 'look' }, ...Array.from({ length: 21 }, () => image())] }],
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}messages: too many images and documents: 21 + 0 > 20`,
    source: 'wire §12 (cline/cline#1844, boto/boto3#4632)',
  },
  {
    name: 'image bytes that are not an image',
    operation: 'Converse',
    modelId: HAIKU,
    body: {
      messages: [
        { role: 'user', content: [{ text: 'look' }, image(Buffer.from('plain text').toString('base64'))] },
      ],
    },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}messages.0.content.1.image.source.base64: Could not process image`,
    source: 'Anthropic image error wording (public client code); path form UNVERIFIED',
  },
  {
    name: 'PNG bytes declared as jpeg',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [{ role: 'user', content: [{ text: 'look' }, image(PNG_B64, 'jpeg')] }] },
    status: 400,
    exception: 'ValidationException',
    message: `${MODEL_ERRORS}messages.0.content.1.image.source.base64: Image does not match the provided media type image/jpeg`,
    source:
      'wire §3.1 (aws-samples/amazon-bedrock-client-for-mac#130); Anthropic wording in public client code',
  },
  {
    name: 'InvokeModel with a content type other than application/json',
    operation: 'InvokeModel',
    modelId: HAIKU,
    contentType: 'text/plain',
    body: { anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [user('hi')] },
    status: 400,
    exception: 'ValidationException',
    message: 'The provided Content Type is invalid or not supported for this model',
    source: 'wire §2.2 (tedder/requests-aws4auth#71, aws/aws-sdk-ruby#3033)',
  },
  {
    name: 'Claude Messages body missing required keys and carrying foreign ones',
    operation: 'InvokeModel',
    modelId: HAIKU,
    body: { messages: [user('hi')], model: 'claude', stream: true },
    status: 400,
    exception: 'ValidationException',
    message: MALFORMED(
      '#: required key [max_tokens] not found#: required key [anthropic_version] not found#: extraneous key [model] is not permitted#: extraneous key [stream] is not permitted',
    ),
    source: 'wire §6.3; public captures (fumito-ito/AnthropicSwiftSDK#19)',
  },
  {
    name: 'Claude Messages body without messages',
    operation: 'InvokeModel',
    modelId: HAIKU,
    body: { anthropic_version: 'bedrock-2023-05-31', max_tokens: 10 },
    status: 400,
    exception: 'ValidationException',
    message: MALFORMED('#: subject must not be valid against schema {"required":["messages"]}'),
    source: 'wire §6.3',
  },
  {
    name: 'Claude Messages body with an empty text block',
    operation: 'InvokeModel',
    modelId: HAIKU,
    body: {
      anthropic_version: 'bedrock-2023-05-31',
      max_tokens: 10,
      messages: [{ role: 'user', content: [{ type: 'text', text: '' }] }],
    },
    status: 400,
    exception: 'ValidationException',
    message: 'messages: text content blocks must be non-empty',
    source: 'wire §6.3',
  },
  {
    name: 'Titan Embeddings v2 with unsupported dimensions',
    operation: 'InvokeModel',
    modelId: 'amazon.titan-embed-text-v2:0',
    body: { inputText: 'hi', dimensions: 768 },
    status: 400,
    exception: 'ValidationException',
    message: MALFORMED('#/dimensions: 768 is not a valid enum value'),
    source: 'allowed values wire §8.1; validator wording UNVERIFIED for this field',
  },
  {
    name: 'Cohere Embed v3 without input_type',
    operation: 'InvokeModel',
    modelId: 'cohere.embed-english-v3',
    body: { texts: ['hi'] },
    status: 400,
    exception: 'ValidationException',
    message: MALFORMED('#: required key [input_type] not found'),
    source: 'required per wire §8.2; validator wording as wire §6.3',
  },
  {
    name: 'Cohere Embed v4 with 97 texts',
    operation: 'InvokeModel',
    modelId: 'cohere.embed-v4:0',
    body: { texts: Array.from({ length: 97 }, (_, i) => `t${i}`), input_type: 'search_document' },
    status: 400,
    exception: 'ValidationException',
    message: MALFORMED('#/texts: expected maximum item count: 96, found: 97'),
    source: 'limit per wire §8.3; validator wording as wire §6.3 ("expected minimum item count")',
  },
  {
    name: 'Nova multimodal embeddings with an unsupported embeddingDimension',
    operation: 'InvokeModel',
    modelId: 'amazon.nova-2-multimodal-embeddings-v1:0',
    body: {
      taskType: 'SINGLE_EMBEDDING',
      singleEmbeddingParams: {
        embeddingPurpose: 'GENERIC_INDEX',
        embeddingDimension: 512,
        text: { truncationMode: 'END', value: 'hi' },
      },
    },
    status: 400,
    exception: 'ValidationException',
    message: MALFORMED('#/singleEmbeddingParams/embeddingDimension: 512 is not a valid enum value'),
    source: 'allowed values wire §8.4; wording UNVERIFIED',
  },
  {
    name: 'structured output on a model without it (Claude 3 Haiku)',
    operation: 'Converse',
    modelId: HAIKU,
    body: {
      messages: [user('hi')],
      outputConfig: {
        textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: '{"type":"object"}' } } },
      },
    },
    status: 400,
    exception: 'ValidationException',
    message:
      "This model doesn't support the outputConfig.textFormat field. Remove outputConfig.textFormat and try again.",
    source: 'UNVERIFIED (modelled on the toolChoice message, wire §6.3)',
  },
  {
    name: 'structured output schema that is not a JSON object schema',
    operation: 'Converse',
    modelId: SONNET_45,
    body: {
      messages: [user('hi')],
      outputConfig: {
        textFormat: { type: 'json_schema', structure: { jsonSchema: { schema: 'not json' } } },
      },
    },
    status: 400,
    exception: 'ValidationException',
    message:
      'The format of the value at outputConfig.textFormat.structure.jsonSchema.schema is invalid. Provide a json object for the field and try again.',
    source: 'UNVERIFIED (modelled on the inputSchema.json message, wire §3.1)',
  },
  {
    name: 'CountTokens with an inference-profile id',
    operation: 'CountTokens',
    modelId: SONNET_37,
    body: { input: { converse: { messages: [user('hi')] } } },
    status: 400,
    exception: 'ValidationException',
    message: "The provided model doesn't support counting tokens.",
    source: 'wire §12 (agentgateway/agentgateway#3254)',
  },
  {
    name: 'maxTokens below 1 (service-model range)',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [user('hi')], inferenceConfig: { maxTokens: 0 } },
    status: 400,
    exception: 'ValidationException',
    message:
      "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1",
    source: 'public capture (microsoft/semantic-kernel issue quoting Bedrock)',
  },
  {
    name: 'temperature above 1 (service-model range)',
    operation: 'ConverseStream',
    modelId: HAIKU,
    body: { messages: [user('hi')], inferenceConfig: { temperature: 7 } },
    status: 400,
    exception: 'ValidationException',
    message:
      "1 validation error detected: Value '7.0' at 'inferenceConfig.temperature' failed to satisfy constraint: Member must have value less than or equal to 1",
    source:
      "public capture (llumiverse tests quoting Bedrock: \"Value '32424.0' at 'inferenceConfig.temperature'…\")",
  },
  {
    name: 'maxTokens above the model limit',
    operation: 'Converse',
    modelId: HAIKU,
    body: { messages: [user('hi')], inferenceConfig: { maxTokens: 5000 } },
    status: 400,
    exception: 'ValidationException',
    message:
      'The maximum tokens you requested exceeds the model limit of 4096. Try again with a maximum tokens value that is lower than 4096.',
    source: 'public capture (Go client test quoting Bedrock for a 64000 limit)',
  },
  {
    name: 'streaming an embedding model',
    operation: 'InvokeModelWithResponseStream',
    modelId: 'amazon.titan-embed-text-v2:0',
    body: { inputText: 'hi' },
    status: 400,
    exception: 'ValidationException',
    message: 'The model is unsupported for streaming.',
    source: 'wire §6.3 (message captured for gpt-oss; applied to non-streaming models)',
  },
];
