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
      roots: ['<rootDir>/src', '<rootDir>/mocks', '<rootDir>/bench', '<rootDir>/scripts', '<rootDir>/e2e'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['\\.dom\\.test\\.ts$'],
      transform: { '^.+\\.(t|j)sx?$': swc },
    },
  ],
};

export default config;
