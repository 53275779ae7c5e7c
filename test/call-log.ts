import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where the emulator writes the method and path of every call the nodes make during a test run
 * (read by the OpenAPI contract test, which runs after the other suites).
 */
export const CALL_LOG = path.join(tmpdir(), 'n8n-nodes-onlyoffice-docspace-calls.log');
