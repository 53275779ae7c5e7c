// test/ is .cts so node-cli's strict default config (which lints every .ts as published n8n code) leaves it to this config: it runs in Node, not in n8n.
// `npm run lint` runs it on test/ (a DocSpace emulator, the harness, benchmarks and tests): node-cli's
// default config for .cts files, minus the rules for published n8n code.
import { config } from '@n8n/node-cli/eslint';

const forPublishedCode = (rule) =>
	rule.startsWith('@n8n/community-nodes/') || rule.startsWith('n8n-nodes-base/');

// entries for package.json, credentials/ and nodes/ carry only rules for published code
const forAllTs = ({ files }) => !files || files.includes('**/*.ts');

export default [
	...config.filter(forAllTs).map(({ rules, files, ...entry }) => ({
		...entry,
		...(files ? { files: ['**/*.cts'] } : {}),
		...(rules
			? {
					rules: Object.fromEntries(
						Object.entries(rules).filter(([rule]) => !forPublishedCode(rule)),
					),
				}
			: {}),
	})),
	{
		files: ['**/*.cts'],
		rules: {
			// tests read DocSpace's untyped JSON answers, and load modules afresh with require()
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
		},
	},
];
