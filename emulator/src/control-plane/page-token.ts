/**
 * Opaque pagination tokens. They carry the offset and the filter they were issued for, so a token reused
 * with another filter, or a made-up one, is rejected instead of silently restarting from page one.
 */
const PREFIX = 'emu1.';

export function encodePageToken(offset: number, filter: string): string {
  return PREFIX + Buffer.from(JSON.stringify({ o: offset, f: filter })).toString('base64url');
}

/** The offset a token points at, or undefined when the token is not one we issued for this filter. */
export function decodePageToken(token: string, filter: string, total: number): number | undefined {
  if (!token.startsWith(PREFIX)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { o, f } = parsed as { o?: unknown; f?: unknown };
    if (typeof o !== 'number' || !Number.isInteger(o) || o <= 0 || o >= total || f !== filter)
      return undefined;
    return o;
  } catch {
    return undefined;
  }
}
