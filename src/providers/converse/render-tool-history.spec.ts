import type { Message } from '@aws-sdk/client-bedrock-runtime';
import { foldTextIntoToolResults } from './fold-text-into-tool-results';
import { renderToolHistoryAsText } from './render-tool-history';

const history = (): Message[] => [
  { role: 'user', content: [{ text: 'q' }] },
  {
    role: 'assistant',
    content: [{ text: 'checking' }, { toolUse: { toolUseId: 't1', name: 'f', input: { a: 1 } } }],
  },
  {
    role: 'user',
    content: [
      { toolResult: { toolUseId: 't1', content: [{ text: 'r' }, { json: { ok: true } }] } },
      { text: 'and?' },
    ],
  },
];

describe('renderToolHistoryAsText', () => {
  it('turns tool calls and results into text so no toolConfig is needed', () => {
    const messages = history();
    renderToolHistoryAsText(messages);
    expect(messages[1].content).toEqual([
      { text: 'checking' },
      { text: '[Called tool f (t1) with {"a":1}]' },
    ]);
    expect(messages[2].content).toEqual([
      { text: '[Result of tool call t1: r\n{"ok":true}]' },
      { text: 'and?' },
    ]);
  });
});

describe('foldTextIntoToolResults', () => {
  it('moves text sharing a turn with tool results into the last result', () => {
    const messages = history();
    foldTextIntoToolResults(messages);
    expect(messages[2].content).toEqual([
      { toolResult: { toolUseId: 't1', content: [{ text: 'r' }, { json: { ok: true } }, { text: 'and?' }] } },
    ]);
    expect(messages[0].content).toEqual([{ text: 'q' }]);
  });
});
