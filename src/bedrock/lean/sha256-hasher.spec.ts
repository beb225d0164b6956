import { Sha256 } from '@smithy/core/checksum';
import { Sha256Hasher } from './sha256-hasher';

async function both(secret: string | undefined, ...parts: (string | Uint8Array)[]) {
  const ours = new Sha256Hasher(secret);
  const reference = new Sha256(secret);
  for (const part of parts) {
    ours.update(part);
    reference.update(typeof part === 'string' ? Buffer.from(part) : part);
  }
  return [
    Buffer.from(await ours.digest()).toString('hex'),
    Buffer.from(await reference.digest()).toString('hex'),
  ];
}

describe('Sha256Hasher', () => {
  it.each([
    ['a digest', undefined, ['héllo wörld']],
    ['a digest of several parts', undefined, ['a', Uint8Array.from([1, 2, 3]), 'b']],
    ['an empty digest', undefined, []],
    ['an HMAC', 'secret', ['AKIDEXAMPLE']],
    ['a long HMAC', 'secret', ['x'.repeat(500)]],
  ])('computes %s exactly as the SDK’s SHA-256 does', async (_n, secret, parts) => {
    const [ours, reference] = await both(secret, ...parts);
    expect(ours).toBe(reference);
  });

  it('gives the right HMAC when a remembered input is asked again, or with another key or data', async () => {
    for (const [secret, data] of [
      ['k1', 'AKID1'],
      ['k1', 'AKID1'],
      ['k2', 'AKID1'],
      ['k2', 'AKID2'],
      ['k1', 'AKID1'],
    ]) {
      const [ours, reference] = await both(secret, data);
      expect(ours).toBe(reference);
    }
  });

  it('is not fooled by a caller that reuses the array it hashed', async () => {
    const data = Uint8Array.from(Buffer.from('AKID1'));
    const first = new Sha256Hasher('k');
    first.update(data);
    await first.digest();
    data.set(Buffer.from('AKID2'));
    const [ours, reference] = await both('k', data);
    expect(ours).toBe(reference);
  });
});
