/**
 * Background file operations: copy, move, delete, archive, room delete… all run as
 * FileOperationDto tasks that clients poll with `GET files/fileops`.
 *
 * For route modules:
 *
 * ```ts
 * import { operationDto, operationsReply, OperationFailure, startOperation } from '../operations.cjs';
 *
 * const op = startOperation(ctx, {
 *   type: 'Move',                       // FileOperationType name: Move, Copy, Delete, Download, MarkAsRead, Import, Convert, Duplicate
 *   run: () => {                        // applied to ctx.state when the operation finishes
 *     if (problem) throw new OperationFailure('Access denied');   // → the operation's `error` text, nothing else happens
 *     room.parentId = ctx.state.roots.archive;
 *     return { folders: [room] };       // → the DTO's `folders` / `files` once finished
 *   },
 * });
 * return operationsReply(ctx, op, { single: true }); // FileOperationDto[]: only `op`, or all the caller's operations when single is false
 * return ok(operationDto(ctx, op));                   // a single FileOperationDto (room delete/archive/unarchive)
 * ```
 *
 * `run` executes once, when the operation's duration has passed (a timer, or the next poll,
 * whichever comes first); a plain Error thrown from it is a 500-like failure text. The answer to
 * the starting request always shows the operation queued (progress 0, not finished), as DocSpace
 * does. Until it finishes, polls see `progress` rise with time (capped at 99) and `finished: false`.
 * DocSpace forgets a finished operation once it has reported it; so does the emulator (it stays
 * in `fileOperations(state).all` for tests).
 *
 * For tests (`emulator.state` is the EmulatorState):
 *
 * ```ts
 * const ops = fileOperations(emulator.state);
 * ops.durationMs = 5000;                 // every new operation takes 5 s (default 0: done by the first poll)
 * ops.durations.Copy = 5000;             // only copies take 5 s (wins over durationMs)
 * ops.failNext('Disk quota exceeded', 'Copy'); // the next copy fails with that `error` text (type optional)
 * ops.all;                               // every operation started, oldest first
 * ops.reset();                           // back to the defaults, forget everything
 * ```
 */
import { randomUUID } from 'node:crypto';
import { fileDto, folderDto } from './dto/files.cjs';
import type { DtoScope } from './dto/format.cjs';
import { currentUser, ok, type Reply, type RouteContext } from './http.cjs';
import type { FileEntry, Folder } from './model.cjs';
import type { EmulatorState } from './state.cjs';
import { getOrCreate } from './get-or-create.cjs';

export const FileOperationType = {
	Move: 0,
	Copy: 1,
	Delete: 2,
	Download: 3,
	MarkAsRead: 4,
	Import: 5,
	Convert: 6,
	Duplicate: 7,
} as const;
export type FileOperationTypeName = keyof typeof FileOperationType;

export const DistributedTaskStatus = {
	Created: 0,
	Running: 1,
	Completed: 2,
	Canceled: 3,
	Failed: 4,
} as const;

/** Throw from `run` to make the operation fail with this `error` text. */
export class OperationFailure extends Error {}

export interface OperationResult {
	files?: FileEntry[];
	folders?: Folder[];
	/** Download operations: where the finished archive is fetched. */
	url?: string;
}

export interface FileOperation {
	id: string;
	type: FileOperationTypeName;
	userId: string;
	/** State clock (ms) when it started. */
	startedAt: number;
	durationMs: number;
	finished: boolean;
	/** '' unless it failed. */
	error: string;
	/** Entries the finished operation reports. */
	result: { files: number[]; folders: number[]; url?: string };
	/** Whether a finished state was reported to the client (DocSpace then drops it). */
	reported: boolean;
	/** Filled from the start request for tests. */
	body?: unknown;
}

interface Pending {
	run: () => OperationResult | void;
	timer?: ReturnType<typeof setTimeout>;
}

export class FileOperations {
	/** Duration of new operations, ms. */
	durationMs = 0;
	/** Per-type durations, ms; win over `durationMs`. */
	durations: Partial<Record<FileOperationTypeName, number>> = {};
	/** Every operation started, oldest first. */
	readonly all: FileOperation[] = [];
	private failures: Array<{ error: string; type?: FileOperationTypeName }> = [];
	private readonly pending = new Map<string, Pending>();

	constructor(private readonly state: EmulatorState) {}

	/** The next operation (of `type`, when given) fails with `error` without changing anything. */
	failNext(error: string, type?: FileOperationTypeName): void {
		this.failures.push({ error, type });
	}

	reset(): void {
		this.durationMs = 0;
		this.durations = {};
		this.failures = [];
		for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
		this.pending.clear();
		this.all.length = 0;
	}

	start(
		userId: string,
		type: FileOperationTypeName,
		run: () => OperationResult | void,
		body?: unknown,
	): FileOperation {
		const op: FileOperation = {
			id: randomUUID(),
			type,
			userId,
			startedAt: this.state.now().getTime(),
			durationMs: Math.max(0, this.durations[type] ?? this.durationMs),
			finished: false,
			error: '',
			result: { files: [], folders: [] },
			reported: false,
			body,
		};
		this.all.push(op);
		const failure = this.failures.findIndex((f) => f.type === undefined || f.type === type);
		const injected = failure >= 0 ? this.failures.splice(failure, 1)[0].error : undefined;
		const pending: Pending = {
			run: () => {
				if (injected !== undefined) throw new OperationFailure(injected);
				return run();
			},
		};
		this.pending.set(op.id, pending);
		if (op.durationMs === 0) this.settle(op);
		else {
			pending.timer = setTimeout(() => this.settle(op), op.durationMs);
			pending.timer.unref();
		}
		return op;
	}

	/** Finishes `op` when its time has come (idempotent). */
	refresh(op: FileOperation): void {
		if (!op.finished && this.state.now().getTime() >= op.startedAt + op.durationMs) this.settle(op);
	}

	progressOf(op: FileOperation): number {
		if (op.finished) return 100;
		if (op.durationMs === 0) return 0;
		const elapsed = this.state.now().getTime() - op.startedAt;
		return Math.max(0, Math.min(99, Math.floor((elapsed / op.durationMs) * 100)));
	}

	/** The user's operations DocSpace still lists. */
	listed(userId: string): FileOperation[] {
		return this.all.filter((op) => op.userId === userId && !op.reported);
	}

	private settle(op: FileOperation): void {
		const pending = this.pending.get(op.id);
		if (!pending || op.finished) return;
		this.pending.delete(op.id);
		if (pending.timer) clearTimeout(pending.timer);
		try {
			const result = pending.run() ?? {};
			op.result = {
				files: (result.files ?? []).map((f) => f.id),
				folders: (result.folders ?? []).map((f) => f.id),
				url: result.url,
			};
		} catch (error) {
			op.error = error instanceof Error && error.message ? error.message : 'The operation failed';
		}
		op.finished = true;
	}
}

const registries = new WeakMap<EmulatorState, FileOperations>();

/** The operation registry of a portal (created on first use). */
export function fileOperations(state: EmulatorState): FileOperations {
	return getOrCreate(registries, state, () => new FileOperations(state));
}

export interface StartOperation {
	type: FileOperationTypeName;
	/** Applies the change when the operation finishes; throw OperationFailure to fail it. */
	run: () => OperationResult | void;
}

/** Starts an operation for the current user. */
export function startOperation(ctx: RouteContext, input: StartOperation): FileOperation {
	return fileOperations(ctx.state).start(currentUser(ctx).id, input.type, input.run, ctx.body);
}

/**
 * FileOperationDto (`Operation` capitalised, as DocSpace writes it). `queued` shows the state
 * right after the start. Reporting a finished operation makes DocSpace (and the emulator) drop it.
 */
export function operationDto(
	scope: DtoScope,
	op: FileOperation,
	options: { queued?: boolean } = {},
): Record<string, unknown> {
	const registry = fileOperations(scope.state);
	if (options.queued) {
		return {
			id: op.id,
			Operation: FileOperationType[op.type],
			progress: 0,
			error: '',
			processed: '0',
			finished: false,
			status: DistributedTaskStatus.Created,
		};
	}
	registry.refresh(op);
	const files = op.finished
		? op.result.files
				.map((id) => scope.state.getFile(id))
				.filter((f): f is FileEntry => f !== undefined)
		: [];
	const folders = op.finished
		? op.result.folders
				.map((id) => scope.state.getFolder(id))
				.filter((f): f is Folder => f !== undefined)
		: [];
	const progress = registry.progressOf(op);
	if (op.finished) op.reported = true;
	const status = !op.finished
		? DistributedTaskStatus.Running
		: op.error
			? DistributedTaskStatus.Failed
			: DistributedTaskStatus.Completed;
	return {
		id: op.id,
		Operation: FileOperationType[op.type],
		progress,
		error: op.error,
		processed: String(op.finished ? op.result.files.length + op.result.folders.length : 0),
		finished: op.finished,
		files: op.finished ? files.map((f) => fileDto(scope, f)) : undefined,
		folders: op.finished ? folders.map((f) => folderDto(scope, f)) : undefined,
		url: op.finished ? op.result.url : undefined,
		status,
	};
}

/**
 * The answer of an endpoint that starts an operation: FileOperationDto[] with only `op`
 * (returnSingleOperation) or all of the caller's listed operations, `op` shown as queued.
 */
export function operationsReply(
	ctx: RouteContext,
	op: FileOperation,
	options: { single: boolean },
): Reply {
	if (options.single) return ok([operationDto(ctx, op, { queued: true })]);
	const others = fileOperations(ctx.state)
		.listed(currentUser(ctx).id)
		.filter((o) => o !== op)
		.map((o) => operationDto(ctx, o));
	return ok([...others, operationDto(ctx, op, { queued: true })]);
}

/** `GET files/fileops[?id=]`: the caller's listed operations, optionally of one type. */
export function listOperations(
	ctx: RouteContext,
	filter: { id?: string; type?: number } = {},
): Array<Record<string, unknown>> {
	return fileOperations(ctx.state)
		.listed(currentUser(ctx).id)
		.filter(
			(op) =>
				(filter.id === undefined || op.id === filter.id) &&
				(filter.type === undefined || FileOperationType[op.type] === filter.type),
		)
		.map((op) => operationDto(ctx, op));
}
