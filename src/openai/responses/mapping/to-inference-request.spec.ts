import type { ResponseCreateRequest } from '../dto/responses-request.types';
import { deriveSealKey, ReasoningSealer } from '../reasoning/reasoning-sealer';
import { CODEX_REQUEST } from '../../../../test/support/fixtures/codex-request.fixture';
import type { InputContext } from './map-input';
import { mapTools } from './map-tools';
import { normalizeInput } from './normalize-input';
import { toInferenceRequest } from './to-inference-request';

const sealer = new ReasoningSealer(deriveSealKey('unit-test-key-unit-test-key-unit-test'));
const ctx: InputContext = {
  model: 'm',
  inputs: { images: true, documents: true },
  sealer,
  owner: 'team-a',
  media: {
    image: () => ({ format: 'png', source: { bytes: new Uint8Array([1]) } }),
    document: () => ({ name: 'doc', format: 'txt', source: { bytes: new Uint8Array([1]) } }),
  },
};

function map(req: ResponseCreateRequest) {
  const tools = mapTools(req);
  const items = normalizeInput(req.input).map((item, i) => ({ item, param: `input[${i}]` }));
  return { tools, request: toInferenceRequest(req, items, tools, ctx) };
}

describe('toInferenceRequest', () => {
  it("maps Codex CLI's request: developer messages to system, its two user messages to one turn, tools flattened", () => {
    const { tools, request } = map(JSON.parse(JSON.stringify(CODEX_REQUEST)) as ResponseCreateRequest);
    expect(request.system.map((s) => s.text?.slice(0, 20))).toEqual([
      'You are a coding age',
      '<skills_instructions',
    ]);
    expect(request.messages).toHaveLength(1);
    expect(request.messages[0].role).toBe('user');
    expect(request.messages[0].content!.map((c) => c.text)).toEqual([
      expect.stringContaining('<environment_context>'),
      'say hi',
    ]);
    const names = request.tools!.specs.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['exec_command', 'view_image', 'multi_agent_v1__spawn_agent']),
    );
    expect(names).not.toContain('web_search');
    expect(tools.dropped).toEqual(['web_search']);
    expect(tools.names.resolve('multi_agent_v1__spawn_agent')).toEqual({
      name: 'spawn_agent',
      namespace: 'multi_agent_v1',
    });
    expect(request.tools).toMatchObject({ choice: 'auto', parallel: true });
    // reasoning: {summary: "auto"} alone asks for no thinking.
    expect(request.reasoning).toBeUndefined();
  });

  it('maps a tool round trip with sealed reasoning back to Converse blocks in one assistant turn', () => {
    const thinking = { reasoningText: { text: 'hmm', signature: 'sig' } };
    const { request } = map({
      model: 'm',
      tools: [{ type: 'namespace', name: 'ns', tools: [{ type: 'function', name: 'f' }] }],
      reasoning: { effort: 'xhigh' },
      max_output_tokens: 500,
      top_p: 0.9,
      text: { format: { type: 'json_object' } },
      user: 'u-1',
      metadata: { team: 'search' },
      input: [
        { role: 'user', content: 'go' },
        { type: 'reasoning', summary: [], encrypted_content: sealer.seal(thinking, 'team-a') },
        { type: 'function_call', call_id: 'c1', name: 'f', namespace: 'ns', arguments: '{"a":1}' },
        { type: 'function_call_output', call_id: 'c1', output: '' },
        { role: 'assistant', content: [{ type: 'output_text', text: 'done' }] },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'user', content: [{ text: 'go' }] },
      {
        role: 'assistant',
        content: [
          { reasoningContent: thinking },
          { toolUse: { toolUseId: 'c1', name: 'ns__f', input: { a: 1 } } },
        ],
      },
      { role: 'user', content: [{ toolResult: { toolUseId: 'c1', content: [{ text: '(no output)' }] } }] },
      { role: 'assistant', content: [{ text: 'done' }] },
    ]);
    expect(request.inference).toEqual({ maxTokens: 500, topP: 0.9 });
    expect(request.reasoning).toEqual({ effort: 'high' });
    expect(request.output).toEqual({ name: 'json_object', schema: { type: 'object' }, strict: true });
    expect(request.metadata).toEqual({ user: 'u-1', team: 'search' });
  });

  it('refuses reasoning sealed for another key', () => {
    expect(() =>
      map({
        model: 'm',
        input: [
          {
            type: 'reasoning',
            summary: [],
            encrypted_content: sealer.seal({ reasoningText: { text: 'x' } }, 'team-b'),
          },
        ],
      }),
    ).toThrow(expect.objectContaining({ status: 400, param: 'input[0].encrypted_content' }));
  });

  it('forces a namespaced function by its flat name, and refuses one that is not offered', () => {
    const tools = [
      { type: 'namespace', name: 'ns', tools: [{ type: 'function', name: 'f' }] },
    ] as ResponseCreateRequest['tools'];
    expect(
      map({ model: 'm', input: 'x', tools, tool_choice: { type: 'function', name: 'f', namespace: 'ns' } })
        .request.tools?.choice,
    ).toEqual({ tool: 'ns__f' });
    expect(map({ model: 'm', input: 'x', tools, tool_choice: 'required' }).request.tools?.choice).toBe('any');
    expect(() =>
      map({ model: 'm', input: 'x', tools, tool_choice: { type: 'function', name: 'g' } }),
    ).toThrow(expect.objectContaining({ status: 400, param: 'tool_choice.name' }));
  });

  describe('the conversation Bedrock takes', () => {
    const call = (id: string) => ({
      type: 'function_call' as const,
      call_id: id,
      name: 'f',
      arguments: '{}',
    });
    const output = (id: string) => ({ type: 'function_call_output' as const, call_id: id, output: 'ok' });
    const user = (text: string) => ({ role: 'user' as const, content: text });
    const refusal = (input: ResponseCreateRequest['input']) => {
      try {
        map({ model: 'm', input });
      } catch (e) {
        return { status: (e as { status: number }).status, param: (e as { param: string }).param };
      }
      return undefined;
    };

    it('maps calls answered in the next turn, with user text beside the outputs', () => {
      const { request } = map({
        model: 'm',
        input: [user('go'), call('a'), call('b'), output('b'), user('also'), output('a'), user('next')],
      });
      expect(request.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    });

    it.each([
      ['a model turn first', [{ role: 'assistant' as const, content: 'hi' }, user('x')], 'input[0]'],
      ['a function call first', [call('a'), output('a')], 'input[0]'],
      ['an output no call asked for', [user('go'), output('a')], 'input[1].call_id'],
      [
        'an output for a call of an earlier turn',
        [
          user('go'),
          call('a'),
          output('a'),
          { role: 'assistant' as const, content: 'done' },
          user('x'),
          output('a'),
        ],
        'input[5].call_id',
      ],
      [
        'a call left unanswered before the next model turn',
        [user('go'), call('a'), call('b'), output('a'), { role: 'assistant' as const, content: 'x' }],
        'input[2]',
      ],
      ['a call left unanswered at the end', [user('go'), call('a')], 'input[1]'],
    ])('refuses %s with a 400 naming the item', (_name, input, param) => {
      expect(refusal(input as ResponseCreateRequest['input'])).toEqual({ status: 400, param });
    });
  });
});
