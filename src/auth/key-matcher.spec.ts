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
});
