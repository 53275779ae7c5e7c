/** What the benchmark's emulator process reports (its first stdout line). */
export interface EmulatorInfo {
	url: string;
	apiKey: string;
	uploadFolderId: number;
	downloadFileId: number;
	/** A 1 MiB file, for warm-up runs. */
	smallFileId: number;
	listFolderId: number;
	sizeBytes: number;
	listEntries: number;
}

/** What a scenario process gets in BENCH_CONFIG. */
export interface BenchConfig extends EmulatorInfo {
	/** A file of `sizeBytes` random bytes to upload. */
	inputFile: string;
}
