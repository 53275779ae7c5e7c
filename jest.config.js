/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	// test/ is CommonJS TypeScript (.cts), which imports its own modules as './name.cjs'
	testMatch: ['**/*.test.cts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	globalSetup: '<rootDir>/test/setup/global-setup.cts',
	globalTeardown: '<rootDir>/test/setup/global-teardown.cts',
	setupFiles: ['<rootDir>/test/setup/setup-env.js'],
	moduleFileExtensions: ['ts', 'cts', 'js', 'cjs', 'mjs', 'json', 'node'],
	// './name.cjs' is the .cts file beside the importer; a real .cjs file (in a dependency) when there is none
	moduleNameMapper: { '^(\\.{1,2}/.*)\\.cjs$': ['$1.cts', '$1.cjs'] },
	transform: { '^.+\\.c?ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 30000,
};
