import type { AnthropicMessagesRequest } from '../anthropic-request.types';
import { toInferenceRequest } from './to-inference-request';

describe('toInferenceRequest (Anthropic → the internal request)', () => {
  it('maps system, blocks, cache_control, tools, tool_choice, thinking and sampling into Converse shapes', () => {
    const req = {
      model: 'amazon.nova-pro-v1:0',
      max_tokens: 300,
      temperature: 0.5,
      stop_sequences: ['END'],
      system: [{ type: 'text', text: 'sys', cache_control: { type: 'ephemeral' } }],
      tools: [{ name: 'get_weather', description: 'w', input_schema: { type: 'object' } }],
      tool_choice: { type: 'any', disable_parallel_tool_use: true },
      thinking: { type: 'enabled', budget_tokens: 2048 },
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
            { type: 'text', text: 'look' },
          ],
        },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 't1', name: 'get_weather', input: { city: 'Paris' } }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 't1', content: 'sunny', is_error: true }],
        },
      ],
    } as unknown as AnthropicMessagesRequest;
    const out = toInferenceRequest(req, ['interleaved-thinking-2025-05-14']);
    expect(out.system).toEqual([{ text: 'sys' }, { cachePoint: { type: 'default' } }]);
    expect(out.messages[0].content![0]).toEqual({
      image: { format: 'png', source: { bytes: Buffer.from('AAAA', 'base64') } },
    });
    expect(out.messages[1].content).toEqual([
      { toolUse: { toolUseId: 't1', name: 'get_weather', input: { city: 'Paris' } } },
    ]);
    expect(out.messages[2].content).toEqual([
      { toolResult: { toolUseId: 't1', content: [{ text: 'sunny' }], status: 'error' } },
    ]);
    expect(out.inference).toEqual({ maxTokens: 300, temperature: 0.5, stopSequences: ['END'] });
    expect(out.tools).toEqual({
      specs: [{ name: 'get_weather', description: 'w', inputSchema: { json: { type: 'object' } } }],
      choice: 'any',
      parallel: false,
    });
    expect(out.reasoning).toEqual({ mode: 'enabled', budgetTokens: 2048, effort: undefined });
    expect(out.betas).toEqual(['interleaved-thinking-2025-05-14']);
  });

  it('refuses server tools and blocks only Claude takes, by name', () => {
    const base = {
      model: 'm',
      max_tokens: 1,
      messages: [{ role: 'user', content: 'x' }],
    } as AnthropicMessagesRequest;
    expect(() =>
      toInferenceRequest({ ...base, tools: [{ type: 'web_search_20250305', name: 'web_search' }] }, []),
    ).toThrow(/web_search_20250305/);
    expect(() =>
      toInferenceRequest(
        { ...base, messages: [{ role: 'user', content: [{ type: 'search_result' } as never] }] },
        [],
      ),
    ).toThrow(/messages.0.content.0.type: 'search_result'/);
  });
});
