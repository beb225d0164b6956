import { CODEX_REQUEST } from '../../../../test/support/fixtures/codex-request.fixture';
import { validateResponsesRequest } from './responses-request.validator';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('validateResponsesRequest', () => {
  it("accepts Codex CLI's request as it is (namespace and web_search tools, client_metadata, prompt_cache_key)", () => {
    expect(() => validateResponsesRequest(clone(CODEX_REQUEST))).not.toThrow();
  });

  it.each([
    [{ input: 'x' }, 'model'],
    [{ model: 'm' }, 'input'],
    [{ model: 'm', input: 7 }, 'input'],
    [
      { model: 'm', input: [{ type: 'message', role: 'user', content: [{ type: 'input_audio' }] }] },
      'input[0].content[0].type',
    ],
    [
      { model: 'm', input: [{ role: 'assistant', content: [{ type: 'input_image', image_url: 'x' }] }] },
      'input[0].content[0].type',
    ],
    [{ model: 'm', input: [{ type: 'function_call_output', output: 'x' }] }, 'input[0].call_id'],
    [{ model: 'm', input: [{ type: 'item_reference', id: 'msg_1' }] }, 'input[0].type'],
    [
      { model: 'm', input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file-1' }] }] },
      'input[0].content[0].file_data',
    ],
    [{ model: 'm', input: 'x', temperature: 3 }, 'temperature'],
    [
      {
        model: 'm',
        input: 'x',
        tools: [{ type: 'namespace', name: 'ns', tools: [{ type: 'custom', name: 'c' }] }],
      },
      'tools[0].tools[0].type',
    ],
    [{ model: 'm', input: 'x', tool_choice: { type: 'web_search' } }, 'tool_choice.type'],
    [{ model: 'm', input: 'x', text: { format: { type: 'json_schema', name: 'n' } } }, 'text.format.schema'],
    [{ model: 'm', input: 'x', include: ['everything'] }, 'include[0]'],
    [{ model: 'm', input: 'x', background: true }, 'background'],
    [{ model: 'm', input: 'x', metadata: { a: 1 } }, 'metadata.a'],
  ])('refuses %j with a 400 naming %s', (body, param) => {
    expect(() => validateResponsesRequest(body)).toThrow(expect.objectContaining({ status: 400, param }));
  });
});
