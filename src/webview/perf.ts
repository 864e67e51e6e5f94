// Timings the benchmark reads from the webview frame (window.__failedItemsPerf). Not used for behaviour.
interface PerfRecord {
  marks: Record<string, number>;
  longestTask: number;
  longTasks: number;
  /** [start, duration] of each long task, ms. */
  tasks: [number, number][];
}

const record: PerfRecord = { marks: {}, longestTask: 0, longTasks: 0, tasks: [] };
(globalThis as unknown as { __failedItemsPerf: PerfRecord }).__failedItemsPerf = record;

export const perf = {
  mark(name: string): void {
    record.marks[name] = performance.now();
  },
  observeLongTasks(): void {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          record.longTasks++;
          record.longestTask = Math.max(record.longestTask, e.duration);
          record.tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
        }
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // Not every engine reports long tasks; the benchmark then reports none.
    }
  },
};
