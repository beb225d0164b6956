import { Tiktoken, type TiktokenBPE } from 'js-tiktoken/lite';
import type { TokenEncodingName } from '../../config/env.schema';

interface Decoder {
  tiktoken: Tiktoken;
  /** Ids above this are outside the vocabulary (js-tiktoken would decode them to nothing). */
  maxId: number;
}

/**
 * The ranks ship inside js-tiktoken, so nothing is downloaded at run time. They are required lazily (and
 * untyped: the package declares them only through `exports`, which this project's module resolution does not
 * read) because each table takes a noticeable fraction of a second to build and most deployments never
 * receive token input.
 */
const RANKS: Record<TokenEncodingName, () => TiktokenBPE> = {
  cl100k_base: () => require('js-tiktoken/ranks/cl100k_base') as TiktokenBPE,
  o200k_base: () => require('js-tiktoken/ranks/o200k_base') as TiktokenBPE,
};

const decoders = new Map<TokenEncodingName, Decoder>();

function decoderFor(encoding: TokenEncodingName): Decoder {
  let decoder = decoders.get(encoding);
  if (!decoder) {
    const ranks = RANKS[encoding]();
    decoder = { tiktoken: new Tiktoken(ranks), maxId: Math.max(...Object.values(ranks.special_tokens)) };
    decoders.set(encoding, decoder);
  }
  return decoder;
}

/** Text of a token array, or undefined when an id is not in the encoding's vocabulary. */
export function decodeTokens(tokens: readonly number[], encoding: TokenEncodingName): string | undefined {
  const { tiktoken, maxId } = decoderFor(encoding);
  for (const t of tokens) if (t > maxId) return undefined;
  return tiktoken.decode(tokens as number[]);
}
