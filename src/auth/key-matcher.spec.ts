import { createHash } from 'node:crypto';
import { KeyMatcher } from './key-matcher';

describe('KeyMatcher', () => {
  const matcher = new KeyMatcher([
    { name: 'team-a', key: 'sk-alpha' },
    { name: 'team-b', key: 'sk-beta' },
  ]);

  it('names the key that matches', () => {
    expect(matcher.match('sk-alpha')).toBe('team-a');
    expect(matcher.match('sk-beta')).toBe('team-b');
  });

  it('matches nothing for a wrong, a prefix, a longer or an empty key', () => {
    expect(matcher.match('sk-alph')).toBeUndefined();
    expect(matcher.match('sk-alphaa')).toBeUndefined();
    expect(matcher.match('')).toBeUndefined();
    expect(matcher.match('SK-ALPHA')).toBeUndefined();
  });

  it('matches a key configured only by its SHA-256 digest, and returns its entry', () => {
    const keySha256 = createHash('sha256').update('sk-gamma').digest('hex');
    const policy = { name: 'team-c', rpm: 5 };
    const withDigest = new KeyMatcher([{ name: 'team-c', keySha256, policy }]);
    expect(withDigest.find('sk-gamma')).toEqual({ name: 'team-c', keySha256, policy });
    expect(withDigest.find(keySha256)).toBeUndefined(); // the digest itself is not a key
  });
});
