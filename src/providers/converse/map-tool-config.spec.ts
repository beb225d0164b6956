import type { FunctionTool } from '../../openai/chat/chat-request.types';
import { chat, contextFor, internal, type MappingContext } from '../../../test/support/fixtures/mapping-context.fixture';
import { mapToolConfig } from './map-tool-config';

const mapToolConfigOf = (chatReq: Parameters<typeof internal>[0], ctx: MappingContext) =>
  mapToolConfig(internal(chatReq, ctx), ctx.model);

const user = [{ role: 'user' as const, content: 'x' }];
const tools: FunctionTool[] = [
  {
    type: 'function',
    function: {
      name: 'weather',
      description: 'Weather by city',
      parameters: { type: 'object', properties: { city: { type: 'string' } } },
    },
  },
  { type: 'function', function: { name: 'noop', description: '' } },
];
const claude = contextFor('anthropic.claude-3-haiku-20240307-v1:0');

describe('mapToolConfig', () => {
  it('maps functions to tool specs; an empty description is left out and missing parameters become an empty object schema', () => {
    expect(mapToolConfigOf(chat(user, { tools }), claude)).toEqual({
      tools: [
        {
          toolSpec: {
            name: 'weather',
            description: 'Weather by city',
            inputSchema: { json: tools[0].function.parameters },
          },
        },
        { toolSpec: { name: 'noop', inputSchema: { json: { type: 'object', properties: {} } } } },
      ],
      toolChoice: { auto: {} },
    });
  });

  it('maps tool_choice required → any and a named function → tool', () => {
    expect(mapToolConfigOf(chat(user, { tools, tool_choice: 'required' }), claude)?.toolChoice).toEqual({
      any: {},
    });
    expect(
      mapToolConfigOf(
        chat(user, { tools, tool_choice: { type: 'function', function: { name: 'noop' } } }),
        claude,
      )?.toolChoice,
    ).toEqual({
      tool: { name: 'noop' },
    });
  });

  it('offers no tools at all for tool_choice none', () => {
    expect(mapToolConfigOf(chat(user, { tools, tool_choice: 'none' }), claude)).toBeUndefined();
  });

  it('forces a named tool on a model without toolChoice.tool by offering only that tool with any', () => {
    const out = mapToolConfigOf(
      chat(user, { tools, tool_choice: { type: 'function', function: { name: 'weather' } } }),
      contextFor('mistral.mistral-large-2402-v1:0'),
    );
    expect(out?.toolChoice).toEqual({ any: {} });
    expect(out?.tools?.map((t) => t.toolSpec?.name)).toEqual(['weather']);
  });

  it('leaves toolChoice out where the model takes none, and refuses what it cannot do', () => {
    const cohere = contextFor('cohere.command-r-plus-v1:0');
    expect(mapToolConfigOf(chat(user, { tools }), cohere)).not.toHaveProperty('toolChoice');
    expect(() => mapToolConfigOf(chat(user, { tools, tool_choice: 'required' }), cohere)).toThrow(
      expect.objectContaining({ param: 'tool_choice' }),
    );
    expect(() => mapToolConfigOf(chat(user, { tools }), contextFor('amazon.titan-text-express-v1'))).toThrow(
      expect.objectContaining({ param: 'tools' }),
    );
    expect(() =>
      mapToolConfigOf(
        chat(user, { tools, tool_choice: { type: 'function', function: { name: 'other' } } }),
        claude,
      ),
    ).toThrow(expect.objectContaining({ param: 'tool_choice.function.name' }));
  });
});
