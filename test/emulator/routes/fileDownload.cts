/** Download through `/filehandler.ashx`, with on-the-fly conversion. */
import { authenticate } from '../auth.cjs';
import { sampleContent as sampleContentOf } from '../content.cjs';
import { EXTS_CONVERTIBLE } from '../file-store.cjs';
import { defineRoute, empty, raw, type Reply, type RouteContext } from '../http.cjs';
import { extensionOf } from '../model.cjs';
import { canRead } from '../access.cjs';
import { StoredContent } from '../stored-content.cjs';
import { bulkArchive } from './bulkDownload.cjs';

const MIME_TYPES: Record<string, string> = {
	'.csv': 'text/csv',
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'.epub': 'application/epub+zip',
	'.html': 'text/html',
	'.md': 'text/markdown',
	'.mp4': 'video/mp4',
	'.odp': 'application/vnd.oasis.opendocument.presentation',
	'.ods': 'application/vnd.oasis.opendocument.spreadsheet',
	'.odt': 'application/vnd.oasis.opendocument.text',
	'.pdf': 'application/pdf',
	'.png': 'image/png',
	'.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'.rtf': 'application/rtf',
	'.txt': 'text/plain',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.zip': 'application/zip',
};

function replaceExtension(title: string, ext: string): string {
	const current = extensionOf(title);
	return `${current ? title.slice(0, title.length - current.length) : title}${ext}`;
}

/**
 * `GET /filehandler.ashx?action=download&fileid=N[&version=V][&outputtype=.pdf]`. Not part of
 * the REST API: errors are bare status codes, and an output type the portal cannot produce is
 * ignored (the original is sent).
 */
function fileHandler(ctx: RouteContext): Reply {
	const action = (ctx.searchParams.get('action') ?? '').toLowerCase();
	const principal = authenticate(ctx.state, ctx.headers).principal;
	if (action === 'bulk') return bulkArchive(ctx, principal?.user);
	if (action !== 'download' && action !== 'view') return empty(400);
	const id = Number(ctx.searchParams.get('fileid'));
	const file = Number.isInteger(id) ? ctx.state.getFile(id) : undefined;
	const wanted = Number(ctx.searchParams.get('version') ?? 0);
	const version =
		file && wanted > 0
			? file.versions.find((v) => v.version === wanted)
			: file?.versions[file.versions.length - 1];
	if (!file || !version) return empty(404);
	if (!principal || !canRead(ctx.state, principal.user, file)) return empty(403);

	let title = file.title;
	let body: Buffer | StoredContent = version.stored;
	const ext = extensionOf(file.title);
	const outType = (ctx.searchParams.get('outputtype') ?? '').trim().toLowerCase();
	if (outType && outType !== ext && (EXTS_CONVERTIBLE[ext] ?? []).includes(outType)) {
		title = replaceExtension(file.title, outType);
		body = sampleContentOf(
			title,
			`${file.title}, version ${version.version}, converted to ${outType}`,
		);
	}
	return raw(
		200,
		{
			'content-type': MIME_TYPES[extensionOf(title)] ?? 'application/octet-stream',
			'content-length': String(body instanceof StoredContent ? body.size : body.length),
			'content-disposition': `attachment; filename="${title.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(title)}`,
		},
		body,
	);
}

// Middleware, not the REST API: authentication by hand and no API key scopes.
defineRoute('GET', '/filehandler.ashx', fileHandler, { anonymous: true, bypassAuth: true });
