import { ConsoleLogger } from '@nestjs/common';
import { GatewayLogger } from './gateway-logger';

/** What a logger writes to stdout for one `log()` call. */
function written(logger: ConsoleLogger, message: unknown): string {
  const writes: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    writes.push(String(chunk));
    return true;
  });
  try {
    logger.log(message, 'Usage');
  } finally {
    spy.mockRestore();
  }
  return writes.join('');
}

const options = { json: true, colors: false, logLevels: ['log' as const] };

describe('GatewayLogger', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [
      'a flat usage record',
      { msg: 'usage', requestId: 'r', stream: false, promptTokens: 3, modelId: undefined, x: null },
    ],
    ['a nested object', { msg: 'x', nested: { a: [1, 2] } }],
    ['a record holding an error', { msg: 'x', error: new Error('boom') }],
    ['a number that JSON cannot hold', { msg: 'x', n: Number.NaN }],
    ['a string', 'plain words'],
  ])('writes %s exactly as Nest’s console logger does', (_name, message) => {
    expect(written(new GatewayLogger(options), message)).toBe(written(new ConsoleLogger(options), message));
  });
});
