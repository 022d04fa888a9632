/** @jest-config-loader esbuild-register */
import type { Config } from 'jest';

const swc: [string, Record<string, unknown>] = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

// Two projects: DOM code runs in jsdom, server and core code in node.
const config: Config = {
  // Jest's 5 s per test (and Testing Library's 1 s per findBy) fail tests on two shared cores under load, which prove
  // nothing; a stuck test still ends (JEST_TEST_TIMEOUT_MS, JEST_ASYNC_TIMEOUT_MS in scripts/jest/setup-dom.ts).
  testTimeout: Number(process.env.JEST_TEST_TIMEOUT_MS ?? 30_000),
  projects: [
    {
      displayName: 'dom',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.test.tsx', '**/*.dom.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: { '\\.css$': '<rootDir>/scripts/jest/style-stub.js' },
      setupFilesAfterEnv: ['<rootDir>/scripts/jest/setup-dom.ts'],
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/src', '<rootDir>/mocks', '<rootDir>/bench', '<rootDir>/scripts', '<rootDir>/e2e', '<rootDir>/examples'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['\\.dom\\.test\\.ts$'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      // pixelmatch (the visual test's comparer) ships ES modules only.
      transformIgnorePatterns: ['/node_modules/(?!pixelmatch/)'],
    },
  ],
};

export default config;
