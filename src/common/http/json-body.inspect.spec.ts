import { describeJsonProblem, inspectJson } from './json-body.inspect';
import { parseJsonBody } from './json-body.parser';

describe('inspectJson', () => {
  it('accepts ordinary bodies, same keys in different objects, and keys inside strings', () => {
    expect(
      inspectJson('{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}],"d":"\\"a\\":1,\\"a\\":2"}'),
    ).toBeUndefined();
    expect(inspectJson('[]')).toBeUndefined();
    expect(inspectJson('"x"')).toBeUndefined();
  });

  it('finds duplicate keys, escapes decoded, with where they are', () => {
    expect(inspectJson('{"a":1,"a":2}')).toEqual({ kind: 'duplicate-key', key: 'a', path: '' });
    expect(inspectJson('{"m":[{"x":1},{"y":1,"\\u0079":2}]}')).toEqual({
      kind: 'duplicate-key',
      key: 'y',
      path: 'm[1]',
    });
    // Backslashes before a quote: an escaped backslash, then the real end of the string.
    expect(inspectJson('{"k\\\\":1,"k\\\\":2}')).toMatchObject({ kind: 'duplicate-key', key: 'k\\' });
  });

  it('stops at the depth limit without recursion, however deep the text goes', () => {
    expect(inspectJson('[[[]]]', 3)).toBeUndefined();
    expect(inspectJson('[[[[]]]]', 3)).toEqual({ kind: 'depth', limit: 3, path: '[0][0][0]' });
    const deep = '{"a":'.repeat(1_000_000) + '1' + '}'.repeat(1_000_000);
    const problem = inspectJson(deep);
    expect(problem).toMatchObject({ kind: 'depth', limit: 128 });
    expect(describeJsonProblem(problem!)).toMatch(
      /^The request body nests JSON .* more than 128 levels deep \(at a\.a\.a/,
    );
  });
});

describe('parseJsonBody', () => {
  const parse = (text: string | Buffer) => () =>
    parseJsonBody(typeof text === 'string' ? Buffer.from(text) : text);

  it('parses JSON, a leading byte-order mark allowed', () => {
    expect(parseJsonBody(Buffer.from('{"a":[1,2]}'))).toEqual({ a: [1, 2] });
    expect(parseJsonBody(Buffer.from('\ufeff{"a":1}'))).toEqual({ a: 1 });
  });

  it.each([
    ['empty', '', /empty/],
    ['malformed', '{"a":', /not valid JSON/],
    ['duplicate keys', '{"a":1,"a":1}', /repeats the key 'a'/],
    ['__proto__', '{"__proto__":{"x":1}}', /__proto__/],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), /UTF-8/],
  ])('refuses %s with a 400', (_what, text, message) => {
    expect(parse(text)).toThrow(message);
    try {
      parse(text)();
    } catch (err) {
      expect((err as { status: number }).status).toBe(400);
    }
  });
});
