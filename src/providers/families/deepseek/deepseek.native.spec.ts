import type { ConverseStreamOutput } from '@aws-sdk/client-bedrock-runtime';
import fc from 'fast-check';
import { ConverseEventWriter } from '../../native/converse-events';
import {
  decodeAll,
  expectNativeRefusal,
  expectStreamMatchesAnswer,
  foldEvents,
  request,
  resolved,
  userTurn,
} from '../../../../test/support/fixtures/native-round-trip.fixture';
import { deepseekR1Codec, nativeCodecFor } from './deepseek.native';
import { splitThinking, thinkSink } from './deepseek.native-think';

const R1 = resolved('us.deepseek.r1-v1:0');

/** Feeds `text` to the think splitter in the given pieces and folds what it wrote. */
function splitStreamed(pieces: string[]) {
  const writer = new ConverseEventWriter();
  const sink = thinkSink(writer);
  const out: ConverseStreamOutput[] = [];
  for (const p of pieces) sink.push(p, out);
  sink.end(out);
  writer.finish('end_turn', { inputTokens: 0, outputTokens: 0, totalTokens: 0 }, undefined, out);
  return foldEvents(out).content;
}

describe('DeepSeek R1 native codec', () => {
  it('writes the R1 template, opening <think> for the answer', () => {
    const req = request({
      system: [{ text: 'Be exact.' }],
      messages: [
        userTurn('2+2?'),
        {
          role: 'assistant',
          content: [{ reasoningContent: { reasoningText: { text: 'add' } } }, { text: '4' }],
        },
        userTurn('3+3?'),
      ],
      inference: { maxTokens: 500, temperature: 0.6, topP: 0.9, stopSequences: ['END'] },
    });
    expect(deepseekR1Codec.buildBody(req, R1)).toEqual({
      prompt:
        '<｜begin▁of▁sentence｜>Be exact.<｜User｜>2+2?<｜Assistant｜>4<｜end▁of▁sentence｜><｜User｜>3+3?<｜Assistant｜><think>\n',
      max_tokens: 500,
      temperature: 0.6,
      top_p: 0.9,
      stop: ['END'],
    });
  });

  it.each([
    [
      'a prefilled answer',
      request({ messages: [userTurn('x'), { role: 'assistant', content: [{ text: 'y' }] }] }),
      'messages',
      /prefilled answer/,
    ],
    ['top_k', request({ messages: [userTurn('x')], inference: { topK: 1 } }), 'top_k', /top_k/],
  ])('refuses %s', (_name, req, param, message) => {
    expectNativeRefusal(() => deepseekR1Codec.buildBody(req, R1), param, message);
  });

  it.each([
    [
      'reasoning, then the answer',
      'Let me add.\n</think>\n\n4',
      [{ reasoningContent: { reasoningText: { text: 'Let me add.' } } }, { text: '4' }],
    ],
    [
      'an echoed <think> tag',
      '<think>\nhmm</think>ok',
      [{ reasoningContent: { reasoningText: { text: 'hmm' } } }, { text: 'ok' }],
    ],
    [
      'reasoning cut before </think>',
      'still thinking',
      [{ reasoningContent: { reasoningText: { text: 'still thinking' } } }],
    ],
    ['no reasoning at all', '</think>\n\nanswer', [{ text: 'answer' }]],
  ])('splits %s', (_name, text, blocks) => {
    expect(splitThinking(text)).toEqual(blocks);
    expect(
      deepseekR1Codec.parseResponse(
        { choices: [{ text, stop_reason: 'stop' }] },
        { inputTokens: 1, outputTokens: 2 },
      ).content,
    ).toEqual(blocks);
  });

  it('splits a stream the same way whatever the chunk boundaries (the marker cut anywhere)', () => {
    const text = 'Think about  it.\n</think>\n\nThe answer is </th> 4.';
    const whole = splitThinking(text);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 3)]) {
        expect(splitStreamed([text.slice(0, i), text.slice(i, j), text.slice(j)])).toEqual(whole);
      }
    }
  });

  it('splits any text streamed in any pieces like the whole text (property)', () => {
    const piece = fc.constantFrom('a', ' ', '\n', '<', '/', 'think', '>', '</think>', '<think>', 'th', 'k>');
    fc.assert(
      fc.property(
        fc.array(
          fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
          { maxLength: 12 },
        ),
        (pieces) => {
          // A whole answer holds one empty text block where a stream simply has no block.
          const whole = splitThinking(pieces.join('')).filter((b) => b.text !== '');
          expect(splitStreamed(pieces)).toEqual(whole);
        },
      ),
    );
  });

  it('decodes chunks into reasoning and text blocks', () => {
    const events = decodeAll(deepseekR1Codec, [
      { choices: [{ text: 'Hmm, ', stop_reason: null }] },
      { choices: [{ text: 'yes.\n</th', stop_reason: null }] },
      {
        choices: [{ text: 'ink>\n\nYes', stop_reason: 'stop' }],
        'amazon-bedrock-invocationMetrics': { inputTokenCount: 5, outputTokenCount: 4, invocationLatency: 9 },
      },
    ]);
    expect(foldEvents(events)).toEqual({
      content: [{ reasoningContent: { reasoningText: { text: 'Hmm, yes.' } } }, { text: 'Yes' }],
      stopReason: 'end_turn',
      usage: { inputTokens: 5, outputTokens: 4, totalTokens: 9 },
    });
  });

  it('round-trips through the emulated Bedrock: reasoning apart from the answer, whole and streamed', () => {
    const answer = expectStreamMatchesAnswer(
      deepseekR1Codec,
      R1,
      request({ messages: [userTurn('why is the sky blue')] }),
    );
    expect(answer.content).toEqual([
      {
        reasoningContent: {
          reasoningText: { text: 'Thinking about the request: You said: why is the sky blue' },
        },
      },
      { text: 'You said: why is the sky blue' },
    ]);
    expect(nativeCodecFor(R1)).toBe(deepseekR1Codec);
    expect(nativeCodecFor(resolved('deepseek.v3-v1:0'))).toBeUndefined();
  });
});
