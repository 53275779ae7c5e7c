/** Get-or-create for the stores kept beside each EmulatorState (in WeakMaps) and their maps. */

/** A Map or a WeakMap. */
interface Keyed<K, V> {
	get(key: K): V | undefined;
	set(key: K, value: V): unknown;
}

/** The value under `key`; the first time, `create()`'s value, stored under it. */
export function getOrCreate<K, V>(map: Keyed<K, V>, key: K, create: () => V): V {
	let value = map.get(key);
	if (value === undefined) {
		value = create();
		map.set(key, value);
	}
	return value;
}
