// Paths, ports and names the e2e suite shares (driver.mjs, lib/, checks/).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const HERE = resolve(import.meta.dirname, '..'); // test/e2e
export const ROOT = resolve(HERE, '../..');
export const E2E_DIR = process.env.E2E_DIR || join(ROOT, '.e2e');
export const RUN_DIR = process.env.E2E_RUN_DIR || join(E2E_DIR, 'run');
export const USER_FOLDER = join(RUN_DIR, 'home');
export const SHOTS_DIR = join(
	E2E_DIR,
	`screenshots${process.env.E2E_N8N_FLAVOR ? `-${process.env.E2E_N8N_FLAVOR}` : ''}`,
); // E2E_N8N_FLAVOR=1x: screenshots-1x
export const N8N_PORT = Number(process.env.E2E_N8N_PORT || 15678);
export const EMU_PORT = Number(process.env.E2E_EMULATOR_PORT || 18090);

export const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name;
export const NODE_TYPE = `${PKG}.docSpace`;
export const TRIGGER_TYPE = `${PKG}.docSpaceTrigger`;
export const CRED_TYPES = {
	apiKey: 'docSpaceApiKeyApi',
	basicAuth: 'docSpaceBasicAuthApi',
	oAuth2: 'docSpaceOAuth2Api',
	personalAccessToken: 'docSpacePersonalAccessTokenApi',
};
export const OWNER = { email: 'e2e-owner@example.com', password: 'E2e-owner-Passw0rd!' };
