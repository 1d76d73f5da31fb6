// Keeps the layers' arrows pointing one way: domain ← services ← (api, cli); storage is reached only
// through services; web/ talks to the HTTP API only, and may share the pure domain (the handheld runs the
// barcode tokenizer on the device, so a label reads the same there as on the server).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain imports no other layer and no I/O',
      from: { path: '^src/domain' },
      to: { path: '^src/(services|storage|api|cli)|^web' },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      comment: 'src/domain does no I/O',
      from: { path: '^src/domain' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(fs|net|http|https|child_process|crypto|os|dgram|worker_threads)$',
      },
    },
    {
      name: 'domain-no-db',
      severity: 'error',
      from: { path: '^src/domain' },
      to: { path: 'node_modules/(pg|kysely|@electric-sql|fastify|pg-boss)' },
    },
    {
      name: 'storage-below-services',
      severity: 'error',
      comment: 'storage serves services; it never calls up',
      from: { path: '^src/storage' },
      to: { path: '^src/(services|api|cli)' },
    },
    {
      name: 'services-no-http',
      severity: 'error',
      comment: 'services never know about HTTP or the CLI',
      from: { path: '^src/services' },
      to: { path: '^src/(api|cli)' },
    },
    {
      name: 'api-not-storage',
      severity: 'error',
      comment: 'the API works through services',
      from: { path: '^src/api' },
      to: { path: '^src/(storage|cli)' },
    },
    {
      name: 'cli-not-storage',
      severity: 'error',
      comment: 'commands work through services',
      from: { path: '^src/cli' },
      to: { path: '^src/storage' },
    },
    {
      name: 'web-only-domain',
      severity: 'error',
      comment: 'the web UI uses the server only over HTTP; it may import the pure src/domain',
      from: { path: '^web/' },
      to: { path: '^src/(?!domain/)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true, dependencyTypesNot: ['type-only'] } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
