export interface SplitPath {
  /** Percent-decoded segments; undefined when a segment's encoding is malformed. */
  segments: string[] | undefined;
  query: string;
}

/**
 * Splits on `/` first and only then percent-decodes each segment, because the SDK encodes `/` inside a
 * model ARN as `%2F` within one path label (docs/bedrock-protocol.md §0.2, §1.5). Unencoded `:` needs nothing special.
 */
export function splitPath(rawPath: string): SplitPath {
  const q = rawPath.indexOf('?');
  const path = q === -1 ? rawPath : rawPath.slice(0, q);
  const query = q === -1 ? '' : rawPath.slice(q + 1);
  const parts = path.split('/');
  // A leading '/' yields an empty first part; every other empty part is a real (empty) label.
  const segments: string[] = [];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i];
    if (part.indexOf('%') === -1) {
      segments.push(part);
      continue;
    }
    try {
      segments.push(decodeURIComponent(part));
    } catch {
      return { segments: undefined, query };
    }
  }
  return { segments, query };
}
