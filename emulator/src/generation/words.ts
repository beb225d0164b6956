/** Word-level text helpers shared by generation and streaming (one stream delta per word). */

const CHUNK = /\s*\S+\s*/g;

/**
 * Splits text into one piece per word, each keeping the whitespace that follows it (leading whitespace
 * stays with the first word), so the pieces concatenate back to the exact text.
 */
export function wordChunks(text: string): string[] {
  const chunks = text.match(CHUNK);
  return chunks ?? (text.length > 0 ? [text] : []);
}

/** The first `n` words with their original spacing, without trailing whitespace. */
export function firstWords(text: string, n: number): string {
  if (n <= 0) return '';
  return wordChunks(text).slice(0, n).join('').trimEnd();
}

/** Exactly `n` words: truncated, or padded by repeating the text's own words in order. */
export function exactWords(text: string, n: number): string {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 0) words.push('ok');
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[i % words.length]);
  return out.join(' ');
}
