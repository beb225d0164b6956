import { deriveSealKey, ReasoningSealer } from './reasoning-sealer';

describe('ReasoningSealer', () => {
  const sealer = new ReasoningSealer(deriveSealKey('a-long-enough-secret-for-the-gateway-tests'));
  const block = { reasoningText: { text: 'Thinking about it', signature: 'c2lnbmF0dXJl' } };

  it('round-trips signed thinking and redacted thinking for the same key name', () => {
    expect(sealer.open(sealer.seal(block, 'team-a'), 'team-a', 'input[0]')).toEqual(block);
    const redacted = { redactedContent: Buffer.from([1, 2, 3]) };
    expect(sealer.open(sealer.seal(redacted, 'team-a'), 'team-a', 'input[0]')).toEqual(redacted);
  });

  it('does not reveal the thinking in the sealed text', () => {
    const sealed = sealer.seal(block, 'team-a');
    expect(Buffer.from(sealed, 'base64').toString('latin1')).not.toContain('Thinking');
  });

  it('refuses an edited, foreign or other key name content with a 400 naming the item', () => {
    const sealed = Buffer.from(sealer.seal(block, 'team-a'), 'base64');
    sealed[sealed.length - 1] ^= 1;
    const attempts = [
      () => sealer.open(sealed.toString('base64'), 'team-a', 'input[2].encrypted_content'),
      () => sealer.open(sealer.seal(block, 'team-a'), 'team-b', 'input[2].encrypted_content'),
      () =>
        new ReasoningSealer(deriveSealKey('another-secret-another-secret-xx')).open(
          sealer.seal(block, 'team-a'),
          'team-a',
          'input[2].encrypted_content',
        ),
      () => sealer.open('bm90IHNlYWxlZA==', 'team-a', 'input[2].encrypted_content'),
    ];
    for (const attempt of attempts) {
      expect(attempt).toThrow(
        expect.objectContaining({
          status: 400,
          param: 'input[2].encrypted_content',
          code: 'invalid_encrypted_content',
        }),
      );
    }
  });
});
