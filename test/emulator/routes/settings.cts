/** Portal settings: `GET settings/cultures`, the languages the portal offers (DocSpace's SetupInfo.EnabledCultures). */
import { defineRoute, ok } from '../http.cjs';

export const CULTURES = [
	'az',
	'bg',
	'cs',
	'de',
	'el-GR',
	'en-GB',
	'en-US',
	'es',
	'fi',
	'fr',
	'hy-AM',
	'it',
	'lv',
	'nl',
	'pl',
	'pt',
	'pt-BR',
	'ro',
	'ru',
	'si',
	'sk',
	'sl',
	'sr-Cyrl-RS',
	'sr-Latn-RS',
	'tr',
	'uk-UA',
	'vi',
	'ja-JP',
	'ko-KR',
	'zh-CN',
	'ar-SA',
];

defineRoute('GET', '/api/2.0/settings/cultures', () => ok(CULTURES));
