// Keeps a task's requests one at a time: a poll, a refresh and a page of failed items never overlap.

/** Runs jobs in order; a failed job does not stop the ones queued after it. */
export class RequestQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => Promise<T>): Promise<T> {
    const run = this.tail.then(job, job);
    this.tail = run.catch(() => undefined);
    return run;
  }
}
