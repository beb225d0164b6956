import {
  decodeAll,
  expectNativeRefusal,
  expectStreamMatchesAnswer,
  foldEvents,
  request,
  resolved,
  userTurn,
} from '../../../../test/support/fixtures/native-round-trip.fixture';
import { nativeCodecFor, titanTextCodec } from './titan.native';

const TITAN = resolved('amazon.titan-text-express-v1');

describe('Titan Text native codec', () => {
  it('writes the conversation as User:/Bot: lines after the system instruction', () => {
    const req = request({
      system: [{ text: 'Answer in French.' }],
      messages: [userTurn('Hi'), { role: 'assistant', content: [{ text: 'Salut' }] }, userTurn('Again')],
      inference: { maxTokens: 20, temperature: 0.5, topP: 0.9, stopSequences: ['User:'] },
    });
    expect(titanTextCodec.buildBody(req, TITAN)).toEqual({
      inputText: 'Answer in French.\nUser: Hi\nBot: Salut\nUser: Again\nBot:',
      textGenerationConfig: { maxTokenCount: 20, temperature: 0.5, topP: 0.9, stopSequences: ['User:'] },
    });
  });

  it('sends a legacy prompt as written, with no config when nothing was set', () => {
    expect(titanTextCodec.buildBody(request({ prompt: { text: 'Tell me' } }), TITAN)).toEqual({
      inputText: 'Tell me',
    });
  });

  it("refuses an empty legacy prompt, which Titan's body schema does not take, naming prompt", () => {
    expect(() => titanTextCodec.buildBody(request({ prompt: { text: '' } }), TITAN)).toThrow(
      expect.objectContaining({ status: 400, param: 'prompt' }),
    );
  });

  it.each([
    ['top_k', request({ messages: [userTurn('x')], inference: { topK: 2 } }), 'top_k', /top_k/],
    [
      'tools',
      request({
        messages: [userTurn('x')],
        tools: { specs: [{ name: 't', inputSchema: { json: {} } }], choice: 'any' },
      }),
      'tools',
      /tool calling/,
    ],
  ])('refuses %s', (_name, req, param, message) => {
    expectNativeRefusal(() => titanTextCodec.buildBody(req, TITAN), param, message);
  });

  it.each([
    ['FINISH', 'end_turn'],
    ['LENGTH', 'max_tokens'],
    ['STOP_CRITERIA_MET', 'stop_sequence'],
    ['CONTENT_FILTERED', 'content_filtered'],
  ])('maps completionReason %s to %s', (native, stop) => {
    const body = {
      inputTextTokenCount: 4,
      results: [{ tokenCount: 2, outputText: 'ok', completionReason: native }],
    };
    expect(titanTextCodec.parseResponse(body, {})).toEqual({
      content: [{ text: 'ok' }],
      stopReason: stop,
      usage: { inputTokens: 4, outputTokens: 2, totalTokens: 6 },
    });
  });

  it('decodes stream chunks with running token counts', () => {
    const events = decodeAll(titanTextCodec, [
      {
        outputText: 'Hel',
        index: 0,
        totalOutputTextTokenCount: 1,
        completionReason: null,
        inputTextTokenCount: 4,
      },
      {
        outputText: 'lo',
        index: 0,
        totalOutputTextTokenCount: 2,
        completionReason: 'FINISH',
        inputTextTokenCount: null,
      },
    ]);
    expect(foldEvents(events)).toEqual({
      content: [{ text: 'Hello' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 4, outputTokens: 2, totalTokens: 6 },
    });
  });

  it('round-trips through the emulated Bedrock, including a stop sequence', () => {
    const req = request({ messages: [userTurn('one two | three')], inference: { stopSequences: ['|'] } });
    const answer = expectStreamMatchesAnswer(titanTextCodec, TITAN, req);
    expect(answer).toMatchObject({ content: [{ text: 'You said: one two ' }], stopReason: 'stop_sequence' });
    expect(nativeCodecFor(TITAN)).toBe(titanTextCodec);
    expect(nativeCodecFor(resolved('amazon.titan-embed-text-v2:0'))).toBeUndefined();
  });
});
