/**
 * Room templates: the “Room templates” section root (FolderType 30), the public flag of each
 * template, and the background tasks that save a room as a template or create a room from one.
 *
 * A template is a room-like folder (it keeps the room type, tags and a copy of the content)
 * under the templates root. Its creator, portal admins and the users and groups it was shared
 * with see it; a public template is visible to every portal user who is not a guest.
 *
 * Tasks run like DocSpace's distributed tasks: the starting request answers queued (progress 0,
 * not completed); the status request of the same user reports progress and, once done, the new
 * id. For tests: `templateTasks(state).durationMs = 2000` makes tasks take 2 s (default 0: done
 * by the first status request); `failNext('…')` makes the next task fail with that error.
 */
import { FolderType, type Folder, type User } from './model.cjs';
import type { EmulatorState } from './state.cjs';
import { getOrCreate } from './get-or-create.cjs';

export type TaskKind = 'template' | 'room';

export interface TemplateTask {
	kind: TaskKind;
	userId: string;
	startedAt: number;
	durationMs: number;
	/** Makes the template or room; returns its id. */
	run: () => number;
	resultId?: number;
	error?: string;
	done: boolean;
}

export class TemplateTasks {
	durationMs = 0;
	readonly all: TemplateTask[] = [];
	private failures: string[] = [];

	constructor(private readonly state: EmulatorState) {}

	failNext(error: string): void {
		this.failures.push(error);
	}

	start(kind: TaskKind, userId: string, run: () => number): TemplateTask {
		const injected = this.failures.shift();
		const task: TemplateTask = {
			kind,
			userId,
			startedAt: this.state.now().getTime(),
			durationMs: this.durationMs,
			run:
				injected === undefined
					? run
					: () => {
							throw new Error(injected);
						},
			done: false,
		};
		this.all.push(task);
		return task;
	}

	/** The user's latest task of this kind, settled when its time has come. */
	latest(kind: TaskKind, userId: string): TemplateTask | undefined {
		const task = [...this.all].reverse().find((t) => t.kind === kind && t.userId === userId);
		if (task && !task.done && this.state.now().getTime() >= task.startedAt + task.durationMs) {
			try {
				task.resultId = task.run();
			} catch (error) {
				task.error = error instanceof Error ? error.message : String(error);
			}
			task.done = true;
		}
		return task;
	}

	progressOf(task: TemplateTask): number {
		if (task.done) return 100;
		if (task.durationMs === 0) return 0;
		return Math.min(
			99,
			Math.floor(((this.state.now().getTime() - task.startedAt) / task.durationMs) * 100),
		);
	}
}

interface Store {
	tasks: TemplateTasks;
	publicIds: Set<number>;
}

const stores = new WeakMap<EmulatorState, Store>();

function storeOf(state: EmulatorState): Store {
	return getOrCreate(stores, state, () => ({
		tasks: new TemplateTasks(state),
		publicIds: new Set<number>(),
	}));
}

export function templateTasks(state: EmulatorState): TemplateTasks {
	return storeOf(state).tasks;
}

/** The templates section root, made on first use. */
export function templatesRoot(state: EmulatorState): Folder {
	for (const folder of state.folders.values())
		if (folder.parentId === 0 && folder.folderType === FolderType.RoomTemplates) return folder;
	return state.createFolder({
		title: 'Room templates',
		parentId: 0,
		createdBy: state.owner().id,
		folderType: FolderType.RoomTemplates,
	});
}

export function isTemplate(state: EmulatorState, folder: Folder): boolean {
	return (
		folder.roomType !== undefined &&
		state.getFolder(folder.parentId)?.folderType === FolderType.RoomTemplates
	);
}

export function isPublicTemplate(state: EmulatorState, templateId: number): boolean {
	return storeOf(state).publicIds.has(templateId);
}

export function setPublicTemplate(state: EmulatorState, templateId: number, value: boolean): void {
	if (value) storeOf(state).publicIds.add(templateId);
	else storeOf(state).publicIds.delete(templateId);
}

/** Public templates are visible to every portal user except guests. */
export function seesPublicTemplate(user: User): boolean {
	return user.type !== 'Guest';
}

/** Copies the folders and files below `fromId` into `toId`, keeping the structure. */
export function copyContent(
	state: EmulatorState,
	fromId: number,
	toId: number,
	userId: string,
): void {
	const { folders, files } = state.childrenOf(fromId);
	for (const file of files) {
		state.createFile({
			title: file.title,
			folderId: toId,
			createdBy: userId,
			content: state.storage.copy(file.stored),
			isForm: file.isForm,
		});
	}
	// Completed copies of forms stay with the room they were filled in.
	for (const folder of folders.filter((f) => f.folderType !== FolderType.ReadyFormFolder)) {
		const copy = state.createFolder({
			title: folder.title,
			parentId: toId,
			createdBy: userId,
			folderType: folder.folderType,
		});
		copyContent(state, folder.id, copy.id, userId);
	}
}
