/**
 * OpenAI's `encoding_format: "base64"`: the vector as consecutive little-endian IEEE-754 float32 values,
 * base64-encoded (what the openai SDKs decode with a Float32Array on little-endian hosts). Written with an
 * explicit byte order so the output does not depend on the host's.
 */
export function float32Base64(vector: readonly number[]): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i], i * 4);
  return bytes.toString('base64');
}
