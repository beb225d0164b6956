import { EventStreamEncoder, randomPadding } from './event-stream.encoder';

// Vectors from the docs/bedrock-protocol.md §4.1, produced with @smithy/eventstream-codec (padding fixed to "abcd").
const DELTA_VECTOR =
  '0000009f00000057c37babff0b3a6576656e742d74797065070011636f6e74656e74426c6f636b44656c74610d3a636f6e74656e742d747970650700106170706c69636174696f6e2f6a736f6e0d3a6d6573736167652d747970650700056576656e747b22636f6e74656e74426c6f636b496e646578223a302c2264656c7461223a7b2274657874223a224869227d2c2270223a2261626364227df2ace5ff';
const THROTTLING_VECTOR =
  '000000b0000000614f5086b30f3a657863657074696f6e2d747970650700137468726f74746c696e67457863657074696f6e0d3a636f6e74656e742d747970650700106170706c69636174696f6e2f6a736f6e0d3a6d6573736167652d74797065070009657863657074696f6e7b226d657373616765223a22546f6f206d616e7920746f6b656e732c20706c656173652077616974206265666f726520747279696e6720616761696e2e227df70ae57f';

describe('EventStreamEncoder', () => {
  const fixed = new EventStreamEncoder(() => 'abcd');

  it('matches the reference contentBlockDelta frame byte for byte', () => {
    const frame = fixed.encodeEvent({
      eventType: 'contentBlockDelta',
      payload: { contentBlockIndex: 0, delta: { text: 'Hi' } },
    });
    expect(frame.toString('hex')).toBe(DELTA_VECTOR);
  });

  it('matches the reference throttlingException frame byte for byte', () => {
    const frame = fixed.encodeException('throttlingException', {
      message: 'Too many tokens, please wait before trying again.',
    });
    expect(frame.toString('hex')).toBe(THROTTLING_VECTOR);
  });

  it('concatenates several events exactly as if they were encoded one by one', () => {
    const events = [
      { eventType: 'messageStart', payload: { role: 'assistant' } },
      { eventType: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { text: 'Grüße' } } },
      { eventType: 'contentBlockStop', payload: { contentBlockIndex: 0 } },
    ];
    const together = fixed.encodeEvents(events);
    const separately = Buffer.concat(events.map((e) => fixed.encodeEvent(e)));
    expect(together.equals(separately)).toBe(true);
    // The declared lengths must chain through the buffer with nothing left over.
    let offset = 0;
    while (offset < together.length) offset += together.readUInt32BE(offset);
    expect(offset).toBe(together.length);
  });

  it('pads an empty payload into valid JSON', () => {
    const frame = fixed.encodeEvent({ eventType: 'x', payload: {} });
    const headersLength = frame.readUInt32BE(4);
    const payload = frame.subarray(12 + headersLength, frame.length - 4).toString('utf8');
    expect(JSON.parse(payload)).toEqual({ p: 'abcd' });
  });

  it('uses random-length padding drawn from the alphabet by default', () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const pad = randomPadding();
      expect(pad).toMatch(/^[a-zA-Z0-9]+$/);
      lengths.add(pad.length);
    }
    expect(lengths.size).toBeGreaterThan(5);
  });
});
