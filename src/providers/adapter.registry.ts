import { Inject, Injectable } from '@nestjs/common';
import { CHAT_FAMILIES, ChatFamily } from '../catalog/model-capabilities.types';
import type { ResolvedModel } from '../catalog/resolved-model';
import { CHAT_ADAPTERS, ChatAdapter } from './chat-adapter';

/** Picks the family adapter for a resolved model. Built once; refuses to start with a family missing or doubled. */
@Injectable()
export class AdapterRegistry {
  private readonly byFamily = new Map<ChatFamily, ChatAdapter>();

  constructor(@Inject(CHAT_ADAPTERS) adapters: ChatAdapter[]) {
    for (const adapter of adapters) {
      if (this.byFamily.has(adapter.family))
        throw new Error(`Two chat adapters claim the family '${adapter.family}'`);
      this.byFamily.set(adapter.family, adapter);
    }
    const missing = CHAT_FAMILIES.filter((f) => !this.byFamily.has(f));
    if (missing.length > 0) throw new Error(`No chat adapter for the families: ${missing.join(', ')}`);
  }

  forModel(model: ResolvedModel): ChatAdapter {
    return this.byFamily.get(model.profile.family)!;
  }
}
