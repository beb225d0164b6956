import type { InferenceRequest } from '../../inference/inference-request';
import { contextFor } from '../../../test/support/fixtures/mapping-context.fixture';
import { prepareConversation } from './prepare-messages';

const doc = (name: string) => ({
  document: { name, format: 'pdf' as const, source: { bytes: new Uint8Array([1]) } },
});

describe('prepareConversation', () => {
  it('numbers repeated document names across the request, and leaves the request itself alone', () => {
    const req: InferenceRequest = {
      model: 'm',
      system: [],
      inference: {},
      messages: [
        { role: 'user', content: [doc('report'), doc('report'), { text: 'compare' }] },
        { role: 'assistant', content: [{ text: 'ok' }] },
        { role: 'user', content: [doc('report'), doc('notes')] },
      ],
    };
    const before = JSON.stringify(req);
    const { model } = contextFor('anthropic.claude-3-haiku-20240307-v1:0');
    const { messages } = prepareConversation(req, model, true);
    const names = messages.flatMap((m) => m.content!.flatMap((b) => (b.document ? [b.document.name] : [])));
    expect(names).toEqual(['report', 'report (2)', 'report (3)', 'notes']);
    // The third turn had no text: the line naming its files uses the names sent.
    expect(messages[2].content!.at(-1)).toEqual({ text: '(Attached: report (3), notes)' });
    expect(JSON.stringify(req)).toBe(before);
  });
});
