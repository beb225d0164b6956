/**
 * Dependency rules of the gateway (docs/architecture.md, "Dependency rules"), checked by `npm test`.
 * Dialects (client APIs) and families (Bedrock model families) meet only in the middle: src/inference (the
 * internal model) and the registry/Inference of src/providers.
 */
const DIALECTS = '^src/(openai|anthropic|responses|chat|completions|messages|embeddings|models)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere in src (chat/, providers/, usage/, auth/, health/, …).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'dialects-not-families',
      severity: 'error',
      comment: 'A client dialect reaches a model family only through Inference / FamilyRegistry.',
      from: { path: DIALECTS },
      to: { path: '^src/providers/families/' },
    },
    {
      name: 'families-not-dialects',
      severity: 'error',
      comment: 'A family adapter speaks the internal model, never a client dialect.',
      from: { path: '^src/providers/' },
      to: { path: DIALECTS },
    },
    {
      name: 'production-not-test-support',
      severity: 'error',
      comment: 'The production build compiles src alone: nothing in it may import tests, fixtures or the emulator.',
      from: { path: '^src/' },
      to: { path: '^(test|emulator|bench|scripts)/' },
    },
  ],
  options: {
    // Rules concern the production code; specs may use test support.
    exclude: { path: ['\\.spec\\.ts$', 'node_modules'] },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
