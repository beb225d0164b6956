// Lets plain `node` run this folder's TypeScript scripts through the project's own SWC, so no extra
// runner (ts-node, tsx) is needed: node -r ./emulator/scripts/swc-register.js <script>.ts
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
