/**
 * Time, CPU time and peak memory of one run inside this process: RSS sampled every 5 ms plus the
 * process's own high-water mark, heap+external sampled alike, both over a collected baseline.
 */
export interface Measured {
	seconds: number;
	/** CPU time (user + system) this process spent in the run: steadier than wall time on a busy machine. */
	cpuSeconds: number;
	rssGrowth: number;
	heapGrowth: number;
	ok: boolean;
	error?: string;
}

function gc(): void {
	const collect = (globalThis as { gc?: () => void }).gc;
	if (collect) collect();
}

export async function measure(
	run: () => Promise<{ ok: boolean; error?: string }>,
): Promise<Measured> {
	gc();
	const base = process.memoryUsage();
	const maxRssBefore = process.resourceUsage().maxRSS * 1024;
	let peakRss = base.rss;
	let peakHeap = base.heapUsed + base.external;
	const sample = () => {
		const now = process.memoryUsage();
		peakRss = Math.max(peakRss, now.rss);
		peakHeap = Math.max(peakHeap, now.heapUsed + now.external);
	};
	const sampler = setInterval(sample, 5);
	const started = process.hrtime.bigint();
	const cpuBefore = process.cpuUsage();
	const result = await run();
	const cpu = process.cpuUsage(cpuBefore);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	clearInterval(sampler);
	sample();
	// The process's own high-water mark catches peaks between samples, once it rose during the run.
	const maxRssAfter = process.resourceUsage().maxRSS * 1024;
	if (maxRssAfter > maxRssBefore) peakRss = Math.max(peakRss, maxRssAfter);
	return {
		seconds,
		cpuSeconds: (cpu.user + cpu.system) / 1e6,
		rssGrowth: peakRss - base.rss,
		heapGrowth: peakHeap - (base.heapUsed + base.external),
		...result,
	};
}
