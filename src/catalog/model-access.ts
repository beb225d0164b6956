/** `*` matches any run of characters; everything else is literal. */
export function globToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

/**
 * The operator's say over model names: aliases (extra names, e.g. `gpt-4o` for a Claude profile) and an
 * optional allow-list restricting what is listed and callable. Aliases and the configured default models are
 * the operator's own choices, so the allow-list never hides them.
 */
export class ModelAccess {
  private readonly patterns: RegExp[] | undefined;
  private readonly aliases: ReadonlyMap<string, string>;
  private readonly always: ReadonlySet<string>;

  constructor(options: {
    allowed?: readonly string[];
    aliases?: Readonly<Record<string, string>>;
    /** Ids always allowed (DEFAULT_MODEL, DEFAULT_EMBEDDING_MODEL). */
    defaults?: readonly string[];
  }) {
    this.patterns = options.allowed?.map(globToRegExp);
    this.aliases = new Map(Object.entries(options.aliases ?? {}));
    this.always = new Set(options.defaults ?? []);
  }

  /** The model id an alias stands for, or undefined when `name` is not an alias. */
  aliasTarget(name: string): string | undefined {
    return this.aliases.get(name);
  }

  aliasEntries(): IterableIterator<[string, string]> {
    return this.aliases.entries();
  }

  isDefault(id: string): boolean {
    return this.always.has(id);
  }

  /** True when any of the names given for one model (as written, as listed) passes the allow-list. */
  allows(...names: (string | undefined)[]): boolean {
    const patterns = this.patterns;
    if (!patterns) return true;
    return names.some(
      (n) =>
        n !== undefined && (this.always.has(n) || this.aliases.has(n) || patterns.some((p) => p.test(n))),
    );
  }
}
