/**
 * File reads (API.md §3.2): file info, optionally of an older version.
 */
import { defineRoute, notFound, ok, queryInt } from '../http';
import { fileDto } from '../dto/files';
import { apiDate, humanSize } from '../dto/format';
import { requireFile } from '../lookup';

defineRoute('GET', '/api/2.0/files/file/{id}', (ctx) => {
	const file = requireFile(ctx, ctx.params.id);
	const dto = fileDto(ctx, file);
	const wanted = queryInt(ctx, 'version', { min: 0 });
	if (wanted === undefined || wanted === 0 || wanted === file.version) return ok(dto);
	const version = file.versions.find((v) => v.version === wanted);
	if (!version) throw notFound('The required file was not found');
	return ok({
		...dto,
		version: version.version,
		versionGroup: version.version,
		contentLength: humanSize(version.content.length),
		pureContentLength: version.content.length,
		comment: version.comment,
		updated: apiDate(version.created),
		viewUrl: `${dto.viewUrl as string}&version=${version.version}`,
	});
});
