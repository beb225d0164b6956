/** Conversation shape. */
import { HAIKU, user, assistant, tools, toolTurns, type RejectionCase } from './rejection-helpers';

export const CONVERSATION_REJECTIONS: RejectionCase[] = [
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
];
