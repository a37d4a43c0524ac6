import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The engine must stay pure and deterministic (DESIGN.md): no UI libraries, no DOM, no clocks, no Math.random.
const engineForbiddenImports = ['react', 'react-dom', 'zustand', 'd3', 'markdown-it'].flatMap((name) => [
  { name, message: 'src/engine is pure: no UI libraries.' },
]);
const engineForbiddenGlobals = ['window', 'document', 'navigator', 'localStorage', 'setTimeout', 'setInterval',
  'requestAnimationFrame', 'performance', 'queueMicrotask', 'fetch'].map((name) => ({
  name, message: 'src/engine is pure and deterministic: no DOM, timers or clocks.',
}));

// Layers import only downwards: engine ← script ← lessons ← store ← views ← app (docs/architecture.md); the
// CLI reads the engine, the script and the lessons. A layer's folder name is used nowhere else in src, so a
// relative import that reaches `…/<layer>/` reaches that layer.
const LAYERS = ['engine', 'script', 'lessons', 'store', 'views', 'app'];
const layerRule = (layer) => {
  const below = LAYERS.slice(0, LAYERS.indexOf(layer));
  return {
    regex: `^(\\.\\./)+(${[...LAYERS.slice(LAYERS.indexOf(layer) + 1), 'cli'].join('|')})/`,
    message: `src/${layer} imports only from itself${below.length ? ` and the layers below it (${below.join(', ')})` : ''}: layers import downwards, ${LAYERS.join(' ← ')}.`,
  };
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: engineForbiddenImports,
        patterns: [{ group: ['d3-*', 'react/*', 'zustand/*'], message: 'src/engine is pure: no UI libraries.' }, layerRule('engine')],
      }],
      'no-restricted-globals': ['error', ...engineForbiddenGlobals],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded PRNG passed in the context.' },
        { object: 'Date', property: 'now', message: 'Simulated time only: read ctx.now.' },
        { object: 'performance', property: 'now', message: 'Simulated time only: read ctx.now.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date']", message: 'Simulated time only: no Date in the engine.' }],
    },
  },
  // Outside src/engine, code reads a system only through its public surface, engine/<system>/index.ts (and
  // engine/core/index.ts, engine/systems.ts); tests may read internals. typescript-eslint's variant of the rule,
  // so that a layer rule written with the core no-restricted-imports does not replace this one.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{
        regex: '(^|/)engine/[^/]+/(?!index\\.ts$)',
        message: "Read an engine system through its index.ts (engine/<system>/index.ts): re-export what you need there.",
      }] }],
    },
  },
  ...['script', 'lessons', 'store', 'views'].map((layer) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [layerRule(layer)] }] },
  })),
  {
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^(\\.\\./)+(store|views|app)/', message: 'The CLI reads the engine, the script and the lessons only.' }] }] },
  },
);
