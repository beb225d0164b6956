import { chat, contextFor, internal } from '../../../test/support/fixtures/mapping-context.fixture';
import type { ChatCompletionRequest } from '../../openai/chat/chat-request.types';
import { mapRequestMetadata } from './map-request-metadata';

/** The metadata pairs as the OpenAI dialect passes them on (`user` first). */
const req = (extra: Partial<ChatCompletionRequest>) =>
  internal(chat([{ role: 'user', content: 'x' }], extra), contextFor('amazon.nova-pro-v1:0')).metadata;

describe('mapRequestMetadata', () => {
  it('carries user and metadata pairs', () => {
    expect(
      mapRequestMetadata(req({ user: 'alice@example.com', metadata: { team: 'search', run: '42' } })),
    ).toEqual({
      user: 'alice@example.com',
      team: 'search',
      run: '42',
    });
  });

  it('leaves out what Bedrock would reject instead of failing the request', () => {
    expect(
      mapRequestMetadata(
        req({ user: 'ünïcode', metadata: { ok: 'yes', 'bad key!': 'x', k: 'a'.repeat(257) } }),
      ),
    ).toEqual({ ok: 'yes' });
  });

  it('keeps at most 16 pairs, and is absent when nothing is left', () => {
    const metadata = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, 'v']));
    expect(Object.keys(mapRequestMetadata(req({ metadata }))!)).toHaveLength(16);
    expect(mapRequestMetadata(req({}))).toBeUndefined();
  });
});
