// test/ (a DocSpace emulator, the harness, benchmarks and tests) is linted here with node-cli's default
// config minus the rules for published n8n code: it runs in Node, not in n8n. ESLint reads this file for
// test/ because `npm run lint` sets ESLINT_FLAGS=unstable_config_lookup_from_file (ESLint 10's default).
import { config } from '@n8n/node-cli/eslint';

const forPublishedCode = (rule) =>
	rule.startsWith('@n8n/community-nodes/') || rule.startsWith('n8n-nodes-base/');

export default [
	...config.map(({ rules, ...entry }) =>
		rules
			? {
					...entry,
					rules: Object.fromEntries(
						Object.entries(rules).filter(([rule]) => !forPublishedCode(rule)),
					),
				}
			: entry,
	),
	{
		files: ['**/*.ts'],
		rules: {
			// tests read DocSpace's untyped JSON answers, and load modules afresh with require()
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
];
