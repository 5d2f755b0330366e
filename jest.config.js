/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  // Sources import './x.js' (NodeNext style); jest resolves them to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/server/**/*.test.ts', '<rootDir>/geodata/**/*.test.ts', '<rootDir>/web/src/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 180_000,
  maxWorkers: 2,
  // One jest process for all ~125 files grew past Node's heap limit in CI (ESM vm modules and each
  // file's embedded databases are not all reclaimed). Files run in a worker that is replaced once it
  // holds more than this after a file, so memory stays bounded however many files there are.
  workerIdleMemoryLimit: '1536MB',
};
