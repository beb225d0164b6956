import { Global, Module } from '@nestjs/common';
import { AnthropicNativeRelay } from '../inference/anthropic-native';
import { AdapterRegistry } from './adapter.registry';
import { CHAT_ADAPTERS, ChatAdapter } from './chat-adapter';
import { ClaudeAdapter } from './families/claude/claude.adapter';
import { ClaudeMessagesRelay } from './families/claude/messages/claude.messages-relay';
import { CohereAdapter } from './families/cohere/cohere.adapter';
import { DeepSeekAdapter } from './families/deepseek/deepseek.adapter';
import { GenericConverseAdapter } from './families/generic/generic.adapter';
import { LlamaAdapter } from './families/llama/llama.adapter';
import { MistralAdapter } from './families/mistral/mistral.adapter';
import { NovaAdapter } from './families/nova/nova.adapter';
import { TitanAdapter } from './families/titan/titan.adapter';

/** Adding a family: one adapter class in families/<name>/, listed here, plus its entries in the capability data. */
const FAMILY_ADAPTERS = [
  ClaudeAdapter,
  NovaAdapter,
  LlamaAdapter,
  MistralAdapter,
  TitanAdapter,
  CohereAdapter,
  DeepSeekAdapter,
  GenericConverseAdapter,
];

@Global()
@Module({
  providers: [
    ...FAMILY_ADAPTERS,
    { provide: CHAT_ADAPTERS, inject: FAMILY_ADAPTERS, useFactory: (...adapters: ChatAdapter[]) => adapters },
    AdapterRegistry,
    // Claude's native body is Anthropic's Messages format: the Anthropic dialect's lossless shortcut.
    { provide: AnthropicNativeRelay, useClass: ClaudeMessagesRelay },
  ],
  exports: [AdapterRegistry, AnthropicNativeRelay],
})
export class ProvidersModule {}
