import { parseArgs, USAGE } from './cli/args';
import { startEmulator } from './emulator';

/** CLI: `npm run emulator -- --port 4010`. Prints the base URL once listening; exits on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const command = parseArgs(process.argv.slice(2));
  if (command.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (command.kind === 'error') {
    process.stderr.write(`${command.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const emulator = await startEmulator(command.options);
  process.stdout.write(`Bedrock emulator listening on ${emulator.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void emulator.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Bedrock emulator failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
