import { parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults to port 4010', () => {
    expect(parseArgs([])).toEqual({ kind: 'run', options: { port: 4010 } });
  });

  it('reads every option in both spellings', () => {
    expect(
      parseArgs([
        '--port',
        '0',
        '--host=0.0.0.0',
        '--latency-ms',
        '5',
        '--chunk-delay-ms=10',
        '--reply-words',
        '20',
      ]),
    ).toEqual({
      kind: 'run',
      options: { port: 0, host: '0.0.0.0', latencyMs: 5, chunkDelayMs: 10, replyWords: 20 },
    });
  });

  it.each([
    [['--port'], '--port needs a value'],
    [['--port', 'abc'], '--port must be a non-negative integer'],
    [['--latency-ms=-1'], '--latency-ms must be a non-negative integer'],
    [['--verbose', 'x'], 'unknown option --verbose'],
  ])('rejects %j', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: 'error', message });
  });

  it('asks for help', () => {
    expect(parseArgs(['--port', '1', '--help'])).toEqual({ kind: 'help' });
  });
});
