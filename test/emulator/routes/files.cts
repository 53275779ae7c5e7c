/**
 * Files: info, versions, create (empty document, text, HTML) and rename. The
 * portal's file settings are in routes/fileSettings.cts, download in routes/fileDownload.cts, the
 * external links of a file in routes/fileLinks.cts, uploads in routes/upload.cts; copy, move and
 * delete in routes/fileops.cts.
 */
import { emitWebhookEvent } from '../webhooks/deliver.cjs';
import { sampleContent as sampleContentOf } from '../content.cjs';
import { isOnlyOfficeForm, pdfForm } from '../formPdf.cjs';
import { fileDto } from '../dto/files.cjs';
import { apiDate, humanSize, type DtoScope } from '../dto/format.cjs';
import { availableTitle, saveFile } from '../file-store.cjs';
import { recordHistory } from '../history.cjs';
import { listedFileDto } from '../formStore.cjs';
import {
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	notFound,
	ok,
	queryInt,
	validation,
	type Reply,
	type RouteContext,
} from '../http.cjs';
import { MESSAGES, requireFile } from '../lookup.cjs';
import { type FileEntry, type FileVersion, extensionOf } from '../model.cjs';
import { targetFolder } from './upload.cjs';

// ---- info and versions ----

function versionDto(
	scope: DtoScope,
	file: FileEntry,
	version: FileVersion,
): Record<string, unknown> {
	// Forms in form rooms carry their filling state (and results folder), as in DocSpace.
	const dto = listedFileDto(scope, file);
	if (version.version === file.version) return dto;
	return {
		...dto,
		version: version.version,
		versionGroup: version.version,
		contentLength: humanSize(version.contentSize),
		pureContentLength: version.contentSize,
		comment: version.comment,
		updated: apiDate(version.created),
		viewUrl: `${dto.viewUrl as string}&version=${version.version}`,
	};
}

function versionOf(file: FileEntry, wanted: number | undefined): FileVersion {
	if (wanted === undefined || wanted === 0) return file.versions[file.versions.length - 1];
	const version = file.versions.find((v) => v.version === wanted);
	if (!version) throw notFound(MESSAGES.fileNotFound);
	return version;
}

defineRoute('GET', '/api/2.0/files/file/{id}', (ctx) => {
	const file = requireFile(ctx, ctx.params.id);
	const wanted = queryInt(ctx, 'version', { min: 0 });
	return ok(versionDto(ctx, file, versionOf(file, wanted)));
});

/** All versions, newest first. */
defineRoute('GET', '/api/2.0/files/file/{fileId}/history', (ctx) => {
	const file = requireFile(ctx, ctx.params.fileId);
	return ok([...file.versions].reverse().map((v) => versionDto(ctx, file, v)));
});

// ---- create ----

/** Extensions `POST files/{folderId}/file` creates without `enableExternalExt`. */
const INTERNAL_EXTENSIONS = ['.docx', '.xlsx', '.pptx', '.pdf'];

function requiredTitle(ctx: RouteContext): string | Reply {
	const title = bodyField(ctx.body, 'title');
	if (typeof title !== 'string' || title.trim() === '')
		return validation({ Title: ['The Title field is required.'] });
	return title.trim();
}

function createEmpty(ctx: RouteContext): Reply {
	const title = requiredTitle(ctx);
	if (typeof title !== 'string') return title;
	const folder = targetFolder(ctx);
	const ext = extensionOf(title);
	const external = bodyField(ctx.body, 'enableExternalExt') === true;
	// An unknown or missing extension makes a document: DocSpace appends .docx.
	const name = !ext || (!external && !INTERNAL_EXTENSIONS.includes(ext)) ? `${title}.docx` : title;
	// `templateId` copies a file the caller can read; a new PDF is a blank ONLYOFFICE form.
	const templateId = bodyField(ctx.body, 'templateId');
	const template =
		templateId === undefined || templateId === null
			? undefined
			: requireFile(ctx, String(templateId));
	const content =
		template?.content ?? (extensionOf(name) === '.pdf' ? pdfForm([]) : sampleContentOf(name, ''));
	const file = ctx.state.createFile({
		title: availableTitle(ctx.state, folder.id, name),
		folderId: folder.id,
		createdBy: currentUser(ctx).id,
		content,
		isForm: extensionOf(name) === '.pdf' && isOnlyOfficeForm(content),
	});
	void emitWebhookEvent(ctx.state, 'file.created', file, { actorId: file.createdBy });
	return ok(fileDto(ctx, file));
}

defineRoute('POST', '/api/2.0/files/{folderId}/file', createEmpty);
defineRoute('POST', '/api/2.0/files/@my/file', createEmpty);

/** `text` / `html`: a file with the given content; same title → new version unless createNewIfExist. */
function createWithContent(extension: '.txt' | '.html') {
	return (ctx: RouteContext): Reply => {
		const title = requiredTitle(ctx);
		if (typeof title !== 'string') return title;
		const text = bodyField(ctx.body, 'content');
		if (typeof text !== 'string') throw badRequest("Value cannot be null. (Parameter 'content')");
		const folder = targetFolder(ctx);
		const user = currentUser(ctx);
		const name = title.endsWith(extension) ? title : `${title}${extension}`;
		const file = saveFile(ctx.state, {
			folderId: folder.id,
			title: name,
			content: Buffer.from(text, 'utf8'),
			createNewIfExist: bodyField(ctx.body, 'createNewIfExist') === true,
			userId: user.id,
		});
		void emitWebhookEvent(ctx.state, file.version > 1 ? 'file.updated' : 'file.created', file, {
			actorId: user.id,
		});
		return ok(fileDto(ctx, file));
	};
}

defineRoute('POST', '/api/2.0/files/{folderId}/text', createWithContent('.txt'));
defineRoute('POST', '/api/2.0/files/@my/text', createWithContent('.txt'));
defineRoute('POST', '/api/2.0/files/{folderId}/html', createWithContent('.html'));
defineRoute('POST', '/api/2.0/files/@my/html', createWithContent('.html'));

// ---- rename ----

defineRoute('PUT', '/api/2.0/files/file/{fileId}', (ctx) => {
	const file = requireFile(ctx, ctx.params.fileId, 'write');
	const raw = bodyField(ctx.body, 'title');
	if (typeof raw !== 'string' || raw.trim() === '') throw badRequest('The title is empty');
	let title = raw.trim();
	// DocSpace keeps the file's extension: a title without it (or with another) gets it appended.
	const ext = extensionOf(file.title);
	if (extensionOf(title) !== ext) title = `${title}${ext}`;
	if (title !== file.title) {
		file.title = title;
		file.updated = ctx.state.now();
		file.updatedBy = currentUser(ctx).id;
		recordHistory(ctx.state, { action: 'FileRenamed', userId: currentUser(ctx).id, entry: file });
		void emitWebhookEvent(ctx.state, 'file.updated', file, { actorId: currentUser(ctx).id });
	}
	return ok(fileDto(ctx, file));
});
