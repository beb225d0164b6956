import { lookupModelProfile } from './model-capabilities';

describe('lookupModelProfile', () => {
  it('gives Claude 3.5 Haiku the Claude defaults with its own differences', () => {
    const p = lookupModelProfile('anthropic.claude-3-5-haiku-20241022-v1:0');
    expect(p.family).toBe('claude');
    expect(p.chat.vision).toBe(false);
    expect(p.chat.promptCaching).toBe(true);
    expect(p.chat.toolChoice).toEqual(['auto', 'any', 'tool']);
  });

  it('marks the Claude 4.5 models as rejecting temperature with top_p, and as thinking models', () => {
    for (const id of [
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      'anthropic.claude-haiku-4-5-20251001-v1:0',
    ]) {
      const p = lookupModelProfile(id);
      expect(p.chat.temperatureTopPExclusive).toBe(true);
      expect(p.chat.reasoning).toBe('claude-thinking');
    }
    expect(lookupModelProfile('anthropic.claude-sonnet-4-20250514-v1:0').chat.temperatureTopPExclusive).toBe(
      false,
    );
  });

  it('knows Mistral 7B has no system prompt but Mistral Large does', () => {
    expect(lookupModelProfile('mistral.mistral-7b-instruct-v0:2').chat.systemPrompt).toBe(false);
    expect(lookupModelProfile('mistral.mistral-large-2402-v1:0').chat.systemPrompt).toBe(true);
  });

  it('gives vision only to the Llama models that have it', () => {
    expect(lookupModelProfile('meta.llama3-2-11b-instruct-v1:0').chat.vision).toBe(true);
    expect(lookupModelProfile('meta.llama3-1-70b-instruct-v1:0').chat.vision).toBe(false);
  });

  it('describes embedding models by their native API', () => {
    const p = lookupModelProfile('amazon.titan-embed-text-v2:0');
    expect(p.kind).toBe('embedding');
    expect(p.embedding).toMatchObject({
      api: 'titan-v2',
      dimensions: [256, 512, 1024],
      defaultDimension: 1024,
    });
    expect(lookupModelProfile('cohere.embed-v4:0').embedding?.maxBatch).toBe(96);
  });

  it('treats an unknown model as generic chat, letting Bedrock decide', () => {
    const p = lookupModelProfile('writer.palmyra-x5-v1:0');
    expect(p).toMatchObject({ kind: 'chat', family: 'generic' });
    expect(p.chat.toolUse).toBe(true);
  });
});
