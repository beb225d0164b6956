import type { CatalogModel, ModelFamily } from '../../catalog/catalog.types';
import { claudeNative } from './claude.native';
import { cohereCommandNative } from './cohere-command.native';
import { mistralChatNative } from './mistral-chat.native';
import type { NativeChatAdapter } from './native.types';
import { novaNative } from './nova.native';
import { deepseekNative, llamaNative, mistralNative, titanTextNative } from './prompt-families.native';

/** The InvokeModel dialect of each chat family. */
export const NATIVE_CHAT: Partial<Record<ModelFamily, NativeChatAdapter>> = {
  claude: claudeNative,
  llama: llamaNative,
  mistral: mistralNative,
  'titan-text': titanTextNative,
  'cohere-command': cohereCommandNative,
  'deepseek-r1': deepseekNative,
  nova: novaNative,
};

/**
 * The dialect a body is read in. Mistral Large also speaks Mistral's chat-completion body (messages, tools),
 * told apart by its `messages`; every other model has one native body.
 */
export function nativeChatAdapter(model: CatalogModel, body: unknown): NativeChatAdapter | undefined {
  const chatBody = typeof body === 'object' && body !== null && 'messages' in body;
  if (model.family === 'mistral' && chatBody && /mistral-large|pixtral/.test(model.modelId))
    return mistralChatNative;
  return NATIVE_CHAT[model.family];
}
