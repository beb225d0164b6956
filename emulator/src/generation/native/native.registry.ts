import type { ModelFamily } from '../../catalog/catalog.types';
import { claudeNative } from './claude.native';
import { cohereCommandNative } from './cohere-command.native';
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
