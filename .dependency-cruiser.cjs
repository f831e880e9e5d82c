/**
 * The dependency rules of docs/STYLE.md, checked by `npm run check` (issue 17).
 * Features are the folders under src/ other than the shared ones below.
 */
const SHARED = '(web|db|shared|config|reference)';
const FEATURES = '(admin|benefits|centre|employer|health|home|identity|info|intake|jobs|market|status|ops)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'shared-imports-no-feature',
      severity: 'error',
      comment: 'src/web, src/db, src/shared, src/config and src/reference serve every feature and import none.',
      from: { path: `^src/${SHARED}/`, pathNot: '\\.test\\.ts$' },
      to: { path: `^src/${FEATURES}/` },
    },
    {
      name: 'no-other-features-routes-or-views',
      severity: 'error',
      comment: "A feature uses another feature's services, stores and domain rules, never its routes or views.",
      from: { path: '^src/([^/]+)/', pathNot: '^src/composition/' },
      to: { path: '^src/[^/]+/[^/]*(routes|views)[.]ts$', pathNot: '^src/$1/' },
    },
    {
      name: 'only-the-server-imports-the-app',
      severity: 'error',
      comment:
        'src/app.ts is the composition root (with src/composition/, which registers every feature): only src/server.ts (and tests) import it.',
      from: { path: '^src/', pathNot: '^src/server\\.ts$' },
      to: { path: '^src/app\\.ts$' },
    },
    {
      name: 'only-the-app-uses-the-composition',
      severity: 'error',
      comment: 'src/composition/ is part of the composition root: only src/app.ts imports it.',
      from: { path: '^src/', pathNot: '^src/(app[.]ts|composition/)' },
      to: { path: '^src/composition/' },
    },
    {
      name: 'routes-hold-no-sql',
      severity: 'error',
      comment:
        'Route files parse, call a service and render: the SQL is in stores (and services that own a transaction).',
      from: { path: '^src/[^/]+/[^/]*routes[.]ts$' },
      to: { path: '^node_modules/(drizzle-orm|postgres|@electric-sql/pglite)/' },
    },
    {
      name: 'routes-get-services-only',
      severity: 'error',
      comment:
        'Route files are given services (src/services.ts), never the database: they import nothing from src/db and no store.',
      from: { path: '^src/[^/]+/[^/]*routes[.]ts$' },
      to: { path: '^src/(db/|[^/]+/[^/]*store[.]ts$)' },
    },
    {
      name: 'views-hold-no-sql',
      severity: 'error',
      comment: 'Views render data they are given; they do not query.',
      from: { path: '^src/[^/]+/[^/]*views[.]ts$' },
      to: { path: '^(node_modules/(drizzle-orm|postgres|@electric-sql/pglite)/|src/db/)' },
    },
    {
      name: 'below-routes-no-routes-or-views',
      severity: 'error',
      comment: 'Services, stores and domain modules never reach up into routes or views.',
      from: { path: '^src/[^/]+/[^/]*(service|store)[.]ts$' },
      to: { path: '[^/]*(routes|views)[.]ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // src/, and the database libraries (to check that routes and views do not use them).
    includeOnly: '^(src/|node_modules/(drizzle-orm|postgres|@electric-sql/pglite)/)',
    tsPreCompilationDeps: true,
    // TypeScript 7 (the native compiler) has no JavaScript API for dependency-cruiser: swc parses instead.
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
