import { config } from '@n8n/node-cli/eslint';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const community = communityNodes.configs.recommended;

export default [
	// package.json has "n8n": { "strict": false } because strict mode demands this file be node-cli's default verbatim, which would hold test/ (a Node server emulator and harness that need node: built-ins and timers) to the rules for published code; credentials/, nodes/ and package.json get node-cli's default config unchanged.
	{
		ignores: [
			'dist/**/*.d.ts',
			'node_modules/**',
			'test/**',
			'.e2e/**',
			'scripts/**',
			'examples/**',
		],
	},
	...config,
	// node-cli's config ignores dist/; the published JavaScript is linted too, with the rules n8n's
	// community-package scanner applies to it.
	{ ignores: ['!dist/'] },
	{
		files: ['dist/**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
		plugins: community.plugins,
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'error',
			'@n8n/community-nodes/no-restricted-imports': 'error',
			'@n8n/community-nodes/no-dangerous-functions': 'error',
		},
	},
];
