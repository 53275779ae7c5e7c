/**
 * Background people tasks: data reassignment (`people/reassign/*`) and the type change that
 * reassigns (`POST people/type`). Both answer with a TaskProgressResponseDto and are polled by
 * user ID; the work is applied once, when the task's duration has passed and it is polled.
 *
 * For tests (`emulator.state` is the EmulatorState):
 *
 * ```ts
 * const tasks = userTasks(emulator.state);
 * tasks.durationMs = 1500;          // new tasks take 1.5 s (default 0: done by the first poll)
 * tasks.failNext('Disk is full');   // the next task reports that error and changes nothing
 * tasks.all;                        // every task started, oldest first
 * ```
 */
import { randomUUID } from 'node:crypto';
import type { EmulatorState } from './state.cjs';
import { getOrCreate } from './get-or-create.cjs';

export type UserTaskKind = 'reassign' | 'type';

export interface UserTask {
	id: string;
	kind: UserTaskKind;
	userId: string;
	startedAt: number;
	durationMs: number;
	isCompleted: boolean;
	error: string;
	/** How many polls saw it unfinished. */
	pollsWhileRunning: number;
	body: unknown;
}

// DistributedTaskStatus
const STATUS = { Created: 0, Running: 1, Completed: 2, Failed: 4 } as const;

export class UserTasks {
	durationMs = 0;
	readonly all: UserTask[] = [];
	private failures: string[] = [];
	private readonly work = new Map<string, () => void>();

	constructor(private readonly state: EmulatorState) {}

	failNext(error: string): void {
		this.failures.push(error);
	}

	reset(): void {
		this.durationMs = 0;
		this.failures = [];
		this.work.clear();
		this.all.length = 0;
	}

	/** The task running (or last run) for a user. */
	latest(kind: UserTaskKind, userId: string): UserTask | undefined {
		return [...this.all].reverse().find((task) => task.kind === kind && task.userId === userId);
	}

	start(kind: UserTaskKind, userId: string, body: unknown, run: () => void): UserTask {
		const task: UserTask = {
			id: randomUUID(),
			kind,
			userId,
			startedAt: this.state.now().getTime(),
			durationMs: this.durationMs,
			isCompleted: false,
			error: '',
			pollsWhileRunning: 0,
			body,
		};
		this.all.push(task);
		const failure = this.failures.shift();
		this.work.set(
			task.id,
			failure === undefined
				? run
				: () => {
						task.error = failure;
					},
		);
		return task;
	}

	/** Advances a task by the clock and reports it; the first report after its duration runs the work. */
	poll(task: UserTask): Record<string, unknown> {
		if (!task.isCompleted && this.state.now().getTime() - task.startedAt >= task.durationMs) {
			this.work.get(task.id)?.();
			this.work.delete(task.id);
			task.isCompleted = true;
		} else if (!task.isCompleted) {
			task.pollsWhileRunning++;
		}
		return progressDto(this.state, task);
	}
}

export function progressDto(state: EmulatorState, task: UserTask): Record<string, unknown> {
	const elapsed = state.now().getTime() - task.startedAt;
	const percentage = task.isCompleted
		? 100
		: task.durationMs > 0
			? Math.min(99, Math.floor((elapsed / task.durationMs) * 100))
			: 0;
	const status = task.isCompleted
		? task.error
			? STATUS.Failed
			: STATUS.Completed
		: elapsed > 0
			? STATUS.Running
			: STATUS.Created;
	return {
		id: task.id,
		error: task.error || null,
		percentage,
		isCompleted: task.isCompleted,
		status,
	};
}

const stores = new WeakMap<EmulatorState, UserTasks>();

export function userTasks(state: EmulatorState): UserTasks {
	return getOrCreate(stores, state, () => new UserTasks(state));
}
