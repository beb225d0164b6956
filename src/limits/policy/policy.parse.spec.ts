import { createHash } from 'node:crypto';
import { looksLikePolicy, parsePolicy, PolicyError } from './policy.parse';

const sha = createHash('sha256').update('sk-search-1').digest('hex');

describe('parsePolicy', () => {
  it("reads the issue's shape in YAML, with digests, fallbacks and context fallbacks", () => {
    const doc = parsePolicy(
      `
keys:
  - name: search
    key: sk-search-1
    models: ["anthropic.*", "us.anthropic.*"]
    rpm: 600
    tpm: 200000
    max_concurrent: 20
    budget: { tokens: 5000000, period: month }
  - name: batch
    key_sha256: ${sha.toUpperCase()}
fallbacks:
  claude: [llama, nova]
context_fallbacks:
  claude: [nova]
`,
      'f',
    );
    expect(doc.keys[0]).toEqual({
      key: 'sk-search-1',
      policy: {
        name: 'search',
        models: ['anthropic.*', 'us.anthropic.*'],
        rpm: 600,
        tpm: 200000,
        maxConcurrent: 20,
        budget: { tokens: 5000000, period: 'month' },
      },
    });
    expect(doc.keys[1]).toEqual({ keySha256: sha, policy: { name: 'batch' } });
    expect(doc.fallbacks).toEqual({ claude: ['llama', 'nova'] });
    expect(doc.contextFallbacks).toEqual({ claude: ['nova'] });
  });

  it('reads the same document as JSON', () => {
    const doc = parsePolicy('{"keys":[{"name":"a","key":"k","rpm":5}]}', 'f');
    expect(doc.keys[0].policy).toEqual({ name: 'a', rpm: 5 });
  });

  it.each([
    ['keys: [{name: a, key: k, rpmm: 5}]', /keys\[0\]: unknown field 'rpmm' \(allowed: name, key/],
    ['keys: [{name: a, key: k}]\nfalbacks: {}', /the policy: unknown field 'falbacks'/],
    [
      'keys: [{name: a, key: k, budget: {tokens: 5, period: week}}]',
      /budget.period must be 'day' or 'month'/,
    ],
    ['keys: [{name: a, key: k, budget: {tokens: 5, per: day}}]', /keys\[0\].budget: unknown field 'per'/],
    ['keys: [{name: a, key: k, rpm: 0}]', /keys\[0\].rpm must be a positive integer/],
    ['keys: [{name: a, key: k, tpm: "many"}]', /tpm must be a positive integer/],
    ['keys: [{name: a}]', /needs exactly one of 'key' or 'key_sha256'/],
    ['keys: [{name: a, key: k, key_sha256: abc}]', /needs exactly one/],
    ['keys: [{name: a, key_sha256: abc}]', /64 hex digits/],
    ['keys: [{name: "a b", key: k}]', /name must be 1-64 letters/],
    ['keys: [{name: a, key: k}, {name: a, key: j}]', /'a' is used twice/],
    ['keys: []', /'keys' must be a non-empty list/],
    ['keys: [{name: a, key: k}]\nfallbacks: {m: []}', /fallbacks.m must list at least one model/],
    ['keys: [{name: a, key: k, models: [1]}]', /models must be a list of non-empty strings/],
    ['keys: [ {', /does not parse as YAML or JSON/],
  ])('rejects %j naming the problem', (text, message) => {
    expect(() => parsePolicy(text, 'API_KEYS_FILE x')).toThrow(PolicyError);
    expect(() => parsePolicy(text, 'API_KEYS_FILE x')).toThrow(message);
  });
});

describe('looksLikePolicy', () => {
  it('tells a policy document from the stored key formats', () => {
    expect(looksLikePolicy('keys:\n  - name: a')).toBe(true);
    expect(looksLikePolicy('{"keys": []}')).toBe(true);
    expect(looksLikePolicy('{"api_key": "sk"}')).toBe(false);
    expect(looksLikePolicy('sk-plain')).toBe(false);
  });
});
