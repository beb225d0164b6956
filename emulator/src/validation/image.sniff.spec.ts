import { decodeBase64, sniffImage } from './image.sniff';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);

describe('sniffImage', () => {
  it.each([
    [PNG, 'png'],
    [JPEG, 'jpeg'],
    [GIF, 'gif'],
    [WEBP, 'webp'],
  ])('recognises %#', (bytes, format) => {
    expect(sniffImage(bytes)).toBe(format);
  });

  it('recognises nothing in text or a truncated header', () => {
    expect(sniffImage(Buffer.from('hello world'))).toBeUndefined();
    expect(sniffImage(PNG.subarray(0, 4))).toBeUndefined();
  });
});

describe('decodeBase64', () => {
  it('decodes strict base64 and refuses anything else', () => {
    expect(decodeBase64(PNG.toString('base64'))).toEqual(PNG);
    expect(decodeBase64('not base64!')).toBeUndefined();
    expect(decodeBase64('abc')).toBeUndefined();
  });
});
