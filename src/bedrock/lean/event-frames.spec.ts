import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { decodeFrame, EventFrameSplitter } from './event-frames';

const codec = new EventStreamCodec(toUtf8, fromUtf8);
const text = (value: string) => ({ type: 'string' as const, value });

// The reference vector from the docs/bedrock-protocol.md §4.1 (made with @smithy/eventstream-codec).
const DELTA =
  '0000009f00000057c37babff0b3a6576656e742d74797065070011636f6e74656e74426c6f636b44656c74610d3a636f6e74656e742d747970650700106170706c69636174696f6e2f6a736f6e0d3a6d6573736167652d747970650700056576656e747b22636f6e74656e74426c6f636b496e646578223a302c2264656c7461223a7b2274657874223a224869227d2c2270223a2261626364227df2ace5ff';

describe('decodeFrame', () => {
  it('decodes the reference frame exactly as the SDK codec does', () => {
    const frame = Buffer.from(DELTA, 'hex');
    const ours = decodeFrame(frame);
    const reference = codec.decode(frame);
    expect(ours.headers).toEqual(reference.headers);
    expect(Buffer.from(ours.body).equals(Buffer.from(reference.body))).toBe(true);
  });

  it('decodes frames with other header types and repeated header blocks like the codec', () => {
    const headers = {
      ':event-type': text('chunk'),
      flag: { type: 'boolean' as const, value: true },
      n: { type: 'integer' as const, value: 7 },
    };
    for (let i = 0; i < 3; i++) {
      const frame = Buffer.from(codec.encode({ headers, body: fromUtf8(`{"i":${i}}`) }));
      expect(decodeFrame(frame)).toEqual(codec.decode(frame));
    }
  });

  it.each([
    ['the prelude', 9],
    ['a header', 20],
    ['the payload', 150],
    ['the message checksum', 158],
  ])('rejects a frame with a corrupted byte in %s', (_where, at) => {
    const frame = Buffer.from(DELTA, 'hex');
    frame[at] ^= 0xff;
    expect(() => decodeFrame(frame)).toThrow(/checksum|inconsistent/);
  });
});

describe('EventFrameSplitter', () => {
  it('reassembles frames split across reads and reports a cut inside one', () => {
    const frame = Buffer.from(DELTA, 'hex');
    const both = Buffer.concat([frame, frame]);
    const splitter = new EventFrameSplitter();
    expect(splitter.push(both.subarray(0, 100))).toHaveLength(0);
    expect(splitter.push(both.subarray(100, 300))).toHaveLength(1);
    expect(splitter.truncated).toBe(true);
    expect(splitter.push(both.subarray(300))).toHaveLength(1);
    expect(splitter.truncated).toBe(false);
  });
});
