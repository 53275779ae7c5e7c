import path from 'node:path';

/**
 * Where the emulator writes the method, path and query parameter names of every call the nodes make
 * during a test run (read by the OpenAPI contract test, which runs after the other suites). Inside the
 * checkout, so that test runs of two checkouts on one machine do not share it.
 */
export const CALL_LOG = path.join(__dirname, '..', '..', '.cache', 'docspace-calls.log');
