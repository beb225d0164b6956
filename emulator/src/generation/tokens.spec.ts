import { countWords } from './tokens';

describe('countWords', () => {
  it('counts runs of non-space characters, with every space JavaScript knows', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  one two\tthree\nfour  ')).toBe(4);
    expect(countWords('a\u00a0b\u2003c\u3000d\ufeffe')).toBe(5);
    expect(countWords('naïve 🙂 日本語')).toBe(3);
  });

  it('counts a word of millions of characters without running out of stack', () => {
    expect(countWords('y'.repeat(24_000_000))).toBe(1);
    expect(countWords(`${'y'.repeat(5_000_000)} ${'z'.repeat(5_000_000)}`)).toBe(2);
  });
});
