/** A post's narration became ready, or was switched off: its page and the podcast change. */
export interface NarrationChanged {
  readonly postId: string;
}

declare module '../../platform/events/domain-events.js' {
  interface DomainEvents {
    'narration.changed': NarrationChanged;
  }
}

declare module '../../platform/jobs/job-kinds.js' {
  interface JobKinds {
    /** Makes the narration of a post; `seq` is the request it answers. */
    'narration.generate': { postId: string; seq: number; force: boolean };
  }
}
