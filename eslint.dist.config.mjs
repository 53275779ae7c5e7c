// The built JavaScript that npm publishes, with the rules n8n's community-package scanner applies to it
// (`npm run lint` runs it; eslint.config.mjs stays node-cli's default, which strict mode requires).
import communityNodes from '@n8n/eslint-plugin-community-nodes';

export default [
	{
		files: ['dist/**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
		plugins: communityNodes.configs.recommended.plugins,
		rules: {
			'@n8n/community-nodes/no-restricted-globals': 'error',
			'@n8n/community-nodes/no-restricted-imports': 'error',
			'@n8n/community-nodes/no-dangerous-functions': 'error',
		},
	},
];
