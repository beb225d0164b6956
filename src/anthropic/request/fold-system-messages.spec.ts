import type { AnthropicMessagesRequest } from '../anthropic-request.types';
import { foldSystemMessages } from './fold-system-messages';

describe('foldSystemMessages', () => {
  it('appends system-role messages to the system prompt in order, keeping cache_control, and takes their effort', () => {
    const req = {
      model: 'm',
      max_tokens: 10,
      system: 'base',
      messages: [
        { role: 'user', content: 'one' },
        { role: 'system', content: 'rule' },
        { role: 'user', content: [{ type: 'text', text: 'two' }] },
        {
          role: 'system',
          content: [{ type: 'text', text: '# Environment', cache_control: { type: 'ephemeral' } }],
          output_config: { effort: 'low' },
        },
      ],
    } as AnthropicMessagesRequest;
    foldSystemMessages(req);
    expect(req.system).toEqual([
      { type: 'text', text: 'base' },
      { type: 'text', text: 'rule' },
      { type: 'text', text: '# Environment', cache_control: { type: 'ephemeral' } },
    ]);
    expect(req.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'one' },
          { type: 'text', text: 'two' },
        ],
      },
    ]);
    expect(req.output_config).toEqual({ effort: 'low' });
  });

  it('leaves a request without system-role messages untouched', () => {
    const req = {
      model: 'm',
      max_tokens: 1,
      system: 's',
      messages: [{ role: 'user', content: 'x' }],
    } as AnthropicMessagesRequest;
    const before = JSON.stringify(req);
    foldSystemMessages(req);
    expect(JSON.stringify(req)).toBe(before);
  });
});
