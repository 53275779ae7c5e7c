import communityNodes from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsoncParser from 'jsonc-eslint-parser';

const community = communityNodes.configs.recommended;

export default [
	{ ignores: ['dist/**/*.d.ts', 'node_modules/**', 'test/**', '.e2e/**', 'scripts/**', 'examples/**', '*.js', '*.mjs'] },
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { ...community.plugins, 'n8n-nodes-base': n8nNodesBase },
		rules: { ...community.rules, ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
		plugins: { ...community.plugins, 'n8n-nodes-base': n8nNodesBase },
		rules: community.rules,
	},
	{
		// What n8n's community-package scanner checks in the published JavaScript.
		files: ['dist/**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
		plugins: community.plugins,
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'error',
			'@n8n/community-nodes/no-restricted-imports': 'error',
			'@n8n/community-nodes/no-dangerous-functions': 'error',
		},
	},
	{ files: ['credentials/**/*.ts'], rules: n8nNodesBase.configs.credentials.rules },
	{ files: ['nodes/**/*.ts'], rules: n8nNodesBase.configs.nodes.rules },
	{
		// Rules the older plugin documents as applying to n8n's own repository only, or that the
		// newer community plugin replaced (connection types must be NodeConnectionTypes constants).
		rules: {
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
];
