import type { InferenceStream } from './inference-response';

/**
 * Waits for several streams of one request (n > 1 choices, several prompts) to be accepted by Bedrock. If
 * any is refused, those that did start are stopped before the error goes on, so nothing runs for nobody.
 */
export async function startStreams(started: Promise<InferenceStream>[]): Promise<InferenceStream[]> {
  try {
    return await Promise.all(started);
  } catch (err) {
    for (const p of started)
      void p.then(
        (s) => s.cancel?.(),
        () => undefined,
      );
    throw err;
  }
}
