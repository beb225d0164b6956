import { float32Base64 } from './float32-base64';

describe('float32Base64', () => {
  it('encodes little-endian float32 values that decode to the same floats at float32 precision', () => {
    const vector = [0.123456, -1, 0, 3.5e-7, 0.999999];
    const bytes = Buffer.from(float32Base64(vector), 'base64');
    expect(bytes).toHaveLength(vector.length * 4);
    const decoded = vector.map((_, i) => bytes.readFloatLE(i * 4));
    expect(decoded).toEqual(vector.map(Math.fround));
  });

  it('matches the documented bytes of 1.0 (0x3f800000, little-endian)', () => {
    expect(Buffer.from(float32Base64([1]), 'base64')).toEqual(Buffer.from([0x00, 0x00, 0x80, 0x3f]));
  });
});
