import { globToRegExp } from '../../catalog/model-access';

/**
 * A key's model allow-list. A model is allowed when a pattern matches the name the client used or what that
 * name stands for (an alias's target), so `anthropic.*` also admits an alias that points at Claude.
 */
export class ModelAllowList {
  private readonly patterns: RegExp[];

  constructor(patterns: string[]) {
    this.patterns = patterns.map(globToRegExp);
  }

  allows(...names: (string | undefined)[]): boolean {
    return names.some((n) => n !== undefined && this.patterns.some((p) => p.test(n)));
  }
}
