import { parseStoredKeys } from './key-sources';

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
