// n8n-core 2.11 starts an SSH client clean-up interval without unref() when a trigger context
// is built; clear it so that jest can exit.
afterAll(() => {
	const { Container } = require('@n8n/di');
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	clearInterval(Container.get(SSHClientsManager).cleanupTimer);
});
