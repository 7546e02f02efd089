/**
 * Lets a plain `node` child process load the TypeScript sources, compiled on the fly by SWC as
 * jest does, so tests can run parts of the app in a process of their own: `node -r <this> x.ts`.
 */
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
