/** Sampling, cache points and images. */
import {
  HAIKU,
  SONNET_37,
  SONNET_45,
  LLAMA,
  PNG_B64,
  user,
  image,
  MODEL_ERRORS,
  type RejectionCase,
} from './rejection-helpers';

export const CONTENT_REJECTIONS: RejectionCase[] = [
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
];
