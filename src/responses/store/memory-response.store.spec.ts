import type { ResponseObject } from '../../openai/responses/dto/response-object.types';
import { MemoryResponseStore } from './memory-response.store';
import type { StoredResponse } from './response-store';

const record = (id: string, owner = 'team-a', text = 'x'): StoredResponse => ({
  owner,
  response: { id, output: [{ type: 'message', content: [{ text }] }] } as unknown as ResponseObject,
  input: [],
  history: [],
});

describe('MemoryResponseStore', () => {
  it('shows a response only to the key name that stored it, and deletes it for that one only', async () => {
    const store = new MemoryResponseStore({ maxEntries: 10, maxBytes: 1e6, ttlMs: 1000 });
    await store.put(record('r1'));
    expect(await store.get('r1', 'team-b')).toBeUndefined();
    expect(await store.delete('r1', 'team-b')).toBe(false);
    expect((await store.get('r1', 'team-a'))?.response.id).toBe('r1');
    expect(await store.delete('r1', 'team-a')).toBe(true);
    expect(await store.get('r1', 'team-a')).toBeUndefined();
  });

  it('forgets responses past their age, and the oldest past the count or byte bound', async () => {
    let now = 0;
    const store = new MemoryResponseStore({ maxEntries: 2, maxBytes: 400, ttlMs: 1000 }, () => now);
    await store.put(record('r1'));
    await store.put(record('r2'));
    await store.put(record('r3'));
    expect(await store.get('r1', 'team-a')).toBeUndefined();
    expect(await store.get('r2', 'team-a')).toBeDefined();
    await store.put(record('big', 'team-a', 'y'.repeat(250)));
    expect(await store.get('r2', 'team-a')).toBeUndefined();
    expect(await store.get('big', 'team-a')).toBeDefined();
    await store.put(record('huge', 'team-a', 'z'.repeat(500)));
    expect(await store.get('huge', 'team-a')).toBeUndefined();
    now = 1001;
    expect(await store.get('big', 'team-a')).toBeUndefined();
  });
});
