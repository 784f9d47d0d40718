export { backoffDelay, nextAttemptAt } from './backoff.js';
export type { Backoff } from './backoff.js';
export { createScheduler, enqueueJob } from './scheduler.js';
export type { EnqueueOptions, Job, JobContext, JobHandler, JobLogger, RunSummary, Scheduler, SchedulerOptions, Worker } from './scheduler.js';
export { loadWorkerSettings } from './settings.js';
export type { WorkerSettings } from './settings.js';
