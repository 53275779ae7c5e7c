/**
 * An API path with every interpolated value encoded as one path segment:
 * apiPath`files/file/${id}/link`. `@` stays readable (RFC 3986 allows it in a segment), so
 * DocSpace's aliases such as `@my` and `@self` read as written.
 */
export function apiPath(parts: TemplateStringsArray, ...values: Array<string | number>): string {
	return parts.reduce(
		(path, part, index) =>
			`${path}${encodeURIComponent(String(values[index - 1])).replace(/%40/g, '@')}${part}`,
	);
}

/** `files/<id>` path of a folder's contents; `@my` stays readable. */
export const folderPath = (folderId: string, suffix = ''): string =>
	apiPath`files/${folderId}` + suffix;
