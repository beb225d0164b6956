import { createHash } from 'node:crypto';

/**
 * A deterministic embedding: xorshift32 seeded from SHA-256 of the input, values in [-1, 1] rounded to
 * 6 decimals, optionally L2-normalised. Same input → same vector; any change → an unrelated vector.
 */
export function embedVector(input: string, dimension: number, normalize: boolean): number[] {
  const seed = createHash('sha256').update(input).digest();
  let s = seed.readUInt32LE(0) || 0x9e3779b9;
  const raw = new Array<number>(dimension);
  let norm = 0;
  for (let i = 0; i < dimension; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const v = ((s >>> 0) / 0xffffffff) * 2 - 1;
    raw[i] = v;
    norm += v * v;
  }
  const scale = normalize && norm > 0 ? 1 / Math.sqrt(norm) : 1;
  for (let i = 0; i < dimension; i++) raw[i] = Math.round(raw[i] * scale * 1e6) / 1e6;
  return raw;
}

/** Cohere/Titan quantised forms of a float vector. */
export function quantise(vector: number[], type: string): number[] {
  switch (type) {
    case 'int8':
      return vector.map((v) => Math.max(-128, Math.min(127, Math.round(v * 127))));
    case 'uint8':
      return vector.map((v) => Math.max(0, Math.min(255, Math.round((v + 1) * 127.5))));
    case 'binary':
    case 'ubinary':
      return packBits(vector, type === 'binary');
    default:
      return vector;
  }
}

function packBits(vector: number[], signed: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < vector.length; i += 8) {
    let byte = 0;
    for (let b = 0; b < 8; b++) byte = (byte << 1) | (vector[i + b] > 0 ? 1 : 0);
    out.push(signed && byte > 127 ? byte - 256 : byte);
  }
  return out;
}
