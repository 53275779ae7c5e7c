/** The portal's file settings: `GET files/settings`, with the extension lists other file routes share. */
import { EXTS_CONVERTIBLE, fileStore } from '../file-store';
import { defineRoute, ok } from '../http';
import { FileShare } from '../model';

export const EXTS = {
	document: ['.doc', '.docm', '.docx', '.dot', '.dotx', '.epub', '.fb2', '.html', '.md', '.odt', '.ott', '.rtf', '.txt'],
	spreadsheet: ['.csv', '.ods', '.ots', '.xls', '.xlsm', '.xlsx', '.xltx'],
	presentation: ['.odp', '.otp', '.pot', '.potx', '.ppt', '.pptm', '.pptx'],
	image: ['.bmp', '.gif', '.jpeg', '.jpg', '.png', '.svg', '.tiff', '.webp'],
	archive: ['.7z', '.gz', '.rar', '.tar', '.zip'],
	video: ['.avi', '.mkv', '.mov', '.mp4', '.webm'],
	audio: ['.flac', '.m4a', '.mp3', '.ogg', '.wav'],
	diagram: ['.vsd', '.vsdx'],
};

defineRoute('GET', '/api/2.0/files/settings', (ctx) => {
	const { maxChunkSize } = fileStore(ctx.state);
	const viewed = [...EXTS.document, ...EXTS.spreadsheet, ...EXTS.presentation, '.pdf'];
	return ok({
		extsImagePreviewed: EXTS.image,
		extsMediaPreviewed: [...EXTS.video, ...EXTS.audio],
		extsWebPreviewed: viewed,
		extsWebEdited: ['.docx', '.xlsx', '.pptx', '.pdf', '.txt', '.csv', '.md', '.odt', '.ods', '.odp'],
		extsWebEncrypt: ['.docx', '.xlsx', '.pptx'],
		extsWebReviewed: ['.docx'],
		extsWebCustomFilterEditing: ['.xlsx'],
		extsWebRestrictedEditing: ['.pdf'],
		extsWebCommented: ['.docx', '.xlsx', '.pptx'],
		extsWebTemplate: ['.dotx', '.xltx', '.potx'],
		extsMustConvert: ['.doc', '.xls', '.ppt', '.rtf'],
		extsConvertible: EXTS_CONVERTIBLE,
		extsUploadable: [...viewed, ...EXTS.image, ...EXTS.archive, ...EXTS.video, ...EXTS.audio, ...EXTS.diagram],
		extsArchive: EXTS.archive,
		extsVideo: EXTS.video,
		extsAudio: EXTS.audio,
		extsImage: EXTS.image,
		extsSpreadsheet: EXTS.spreadsheet,
		extsPresentation: EXTS.presentation,
		extsDocument: EXTS.document,
		extsDiagram: EXTS.diagram,
		internalFormats: { Document: '.docx', Spreadsheet: '.xlsx', Presentation: '.pptx', Pdf: '.pdf' },
		masterFormExtension: '.pdf',
		paramVersion: 'version',
		paramOutType: 'outputtype',
		fileDownloadUrlString: `${ctx.portalUrl}/filehandler.ashx?action=download&fileid={0}`,
		fileWebViewerUrlString: `${ctx.portalUrl}/doceditor?fileid={0}&action=view`,
		fileWebEditorUrlString: `${ctx.portalUrl}/doceditor?fileid={0}`,
		confirmDelete: true,
		enableThirdParty: false,
		externalShare: true,
		externalShareSocialMedia: false,
		storeOriginalFiles: true,
		keepNewFileName: false,
		displayFileExtension: true,
		convertNotify: true,
		hideConfirmCancelOperation: false,
		hideConfirmConvertSave: false,
		hideConfirmConvertOpen: false,
		hideConfirmRoomLifetime: false,
		forcesave: false,
		storeForcesave: false,
		recentSection: true,
		favoritesSection: true,
		templatesSection: false,
		downloadTarGz: false,
		canSearchByContent: false,
		defaultSharingAccessRights: [FileShare.Read],
		maxUploadThreadCount: 15,
		chunkUploadSize: maxChunkSize,
		openEditorInSameTab: false,
	});
});
