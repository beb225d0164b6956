import { parseStoredKeys, parseStoredValue } from './key-sources';

describe('parseStoredKeys', () => {
  it('reads Bedrock Access Gateway\'s {"api_key"} secret', () => {
    expect(parseStoredKeys('{"api_key":"sk-1"}', 's')).toEqual([{ name: 'default', key: 'sk-1' }]);
  });

  it('reads a plain string, trimmed', () => {
    expect(parseStoredKeys('  sk-plain\n', 's')).toEqual([{ name: 'default', key: 'sk-plain' }]);
  });

  it('reads one key per team', () => {
    expect(parseStoredKeys('{"api_keys":{"a":"k1","b":"k2"}}', 's')).toEqual([
      { name: 'a', key: 'k1' },
      { name: 'b', key: 'k2' },
    ]);
  });

  it.each([
    ['', /is empty/],
    ['{"api_key":', /does not parse/],
    ['{"apiKey":"x"}', /no "api_key"/],
    ['{"api_key":""}', /no "api_key"/],
  ])('rejects %j', (value, message) => {
    expect(() => parseStoredKeys(value, 'Secret s')).toThrow(message);
  });
});

describe('parseStoredValue', () => {
  it('reads a policy document kept in Secrets Manager or SSM, keys and fallbacks', () => {
    const set = parseStoredValue('keys:\n  - {name: a, key: k1, rpm: 3}\nfallbacks: {m: [n]}', 'Secret s');
    expect(set.keys).toEqual([{ name: 'a', key: 'k1', keySha256: undefined, policy: { name: 'a', rpm: 3 } }]);
    expect({ ...set.fallbacks }).toEqual({ m: ['n'] });
  });

  it('still reads the plain formats, without limits', () => {
    expect(parseStoredValue('{"api_key":"sk-1"}', 's')).toEqual({ keys: [{ name: 'default', key: 'sk-1' }] });
  });

  it('names the bad field of a stored policy', () => {
    expect(() => parseStoredValue('{"keys":[{"name":"a","key":"k","rmp":1}]}', 'Secret s')).toThrow(
      /Secret s: keys\[0\]: unknown field 'rmp'/,
    );
  });
});
