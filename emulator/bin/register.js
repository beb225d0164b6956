'use strict';
/**
 * Runs the emulator's TypeScript sources without a build step: `node -r ./emulator/bin/register.js
 * emulator/src/main.ts`. It compiles each .ts file on require with @swc/core, which the project already
 * has for Jest. Measured on this machine it reaches "listening" in about 0.3 s, against about 0.4 s for
 * tsx and 0.7 s for @swc-node/register, and it adds no dependency. Type checking stays with `tsc`.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const OPTIONS = {
  swcrc: false,
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  module: { type: 'commonjs' },
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...OPTIONS, filename });
  module._compile(code, filename);
};
