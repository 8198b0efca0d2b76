/**
 * Every kind of job and the payload it carries. Features add their kinds by declaration
 * merging, so `enqueue` and the worker's handlers are checked against the payload:
 *
 * ```ts
 * declare module '../../platform/jobs/job-kinds.js' {
 *   interface JobKinds {
 *     'post.publish': { postId: string };
 *   }
 * }
 * ```
 *
 * Payloads are stored as JSON, so they hold ids and plain values, never class instances or
 * dates; a handler loads the current state by id rather than trusting a stale copy.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by features
export interface JobKinds {}

export type JobKind = keyof JobKinds;

export type JobPayload<K extends JobKind> = JobKinds[K];
