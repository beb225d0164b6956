import { createEngine } from '../../../emulator/src/engine/engine';
import { runtimeRequest } from '../../../emulator/src/engine/engine.test-helpers';

/**
 * Sends a native body through the emulator's engine (which validates it against Bedrock's documented schema
 * for the family) and returns the parsed answer, so adapter specs check both directions against Bedrock's
 * contract rather than against themselves.
 */
export function emulatedInvoke(modelId: string, body: unknown): unknown {
  const result = createEngine().handle(runtimeRequest('InvokeModel', modelId, body));
  if (result.kind !== 'raw')
    throw new Error(`the emulated Bedrock refused the body: ${JSON.stringify(result)}`);
  return JSON.parse(result.body.toString('utf8')) as unknown;
}

/** The ApiError a parse throws, for asserting on its status and code. */
export function parseFailure(parse: () => unknown): unknown {
  try {
    parse();
  } catch (err) {
    return err;
  }
  throw new Error('expected the response to be refused');
}
