/**
 * The benchmark's Bedrock: the project's emulator in its own process, with request-log body capture off (the
 * log would otherwise keep every body) and the reply length fixed. Prints `EMULATOR_URL <url>` when ready.
 * argv[2]: JSON `{ "replyWords": 20 }`.
 */
import { startEmulator } from '../../emulator/src';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as { replyWords?: number };
  const emulator = await startEmulator({
    port: 0,
    replyWords: options.replyWords,
    requestLog: { capacity: 1_000, captureBodies: false },
  });
  process.stdout.write(`EMULATOR_URL ${emulator.url}\n`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
