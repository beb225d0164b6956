import { TEST_KEY } from './gateway.harness';

export interface SseResult {
  status: number;
  /** The `data:` payloads in order (`[DONE]` included when sent). */
  data: string[];
}

/** POSTs a chat request with fetch and collects the raw SSE `data:` payloads, to see exactly what was framed. */
export async function postSse(baseUrl: string, body: object, signal?: AbortSignal): Promise<SseResult> {
  const res = await fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, stream: true }),
    signal,
  });
  const text = await res.text();
  const data = text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
  return { status: res.status, data };
}
