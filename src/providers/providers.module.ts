import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AnthropicNativeRelay } from '../inference/anthropic-native';
import { Inference } from '../inference/inference';
import { ResilienceModule } from '../resilience/resilience.module';
import { ClaudeMessagesRelay } from './families/claude/messages/claude.messages-relay';
import { discoverFamilies } from './families/discover-families';
import { FAMILY_ADAPTERS, FamilyRegistry } from './family.registry';
import { BedrockInference } from './middle/bedrock-inference';

/**
 * The middle and the back-ends: {@link Inference} (what dialects call) and the {@link FamilyRegistry} of
 * family adapters (chat and embeddings), found in families/<name>/.
 */
@Module({
  imports: [CatalogModule, ResilienceModule],
  providers: [
    { provide: FAMILY_ADAPTERS, useFactory: discoverFamilies },
    FamilyRegistry,
    BedrockInference,
    { provide: Inference, useExisting: BedrockInference },
    // Claude's native body is Anthropic's Messages format: the Anthropic dialect's lossless shortcut.
    { provide: AnthropicNativeRelay, useClass: ClaudeMessagesRelay },
  ],
  exports: [Inference, FamilyRegistry, AnthropicNativeRelay],
})
export class ProvidersModule {}
