'use strict';
/**
 * Preloaded into the gateway by `npm run bench -- --profile` (node -r): SIGUSR2 starts a V8 CPU profile,
 * the next SIGUSR2 stops it and writes `<BENCH_PROFILE_DIR>/window-<n>.cpuprofile`, then prints
 * `PROFILE_WRITTEN <path>` on stderr. So only a measured window is profiled, not start-up or warm-up
 * (`node --cpu-prof` would profile the whole life and only write on a clean exit).
 */
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const session = new inspector.Session();
session.connect();
let profiling = false;
let windows = 0;

session.post('Profiler.enable', () => {
  session.post('Profiler.setSamplingInterval', { interval: 200 });
});

process.on('SIGUSR2', () => {
  if (!profiling) {
    profiling = true;
    session.post('Profiler.start');
    return;
  }
  profiling = false;
  session.post('Profiler.stop', (err, result) => {
    if (err) return process.stderr.write(`PROFILE_FAILED ${err.message}\n`);
    const path = join(process.env.BENCH_PROFILE_DIR || '.', `window-${++windows}.cpuprofile`);
    writeFileSync(path, JSON.stringify(result.profile));
    process.stderr.write(`PROFILE_WRITTEN ${path}\n`);
  });
});
