import type { RedirectRow } from './redirect.table.js';

export type RedirectStatus = 301 | 302;

/** A stored redirect: an old path of this site, and where it now leads. */
export interface Redirect {
  readonly id: string;
  /** Percent-encoded, without a trailing slash; may end in one `?name=value`. */
  readonly fromPath: string;
  /** A path of this site (`/new-page`) or an absolute http(s) URL of another site. */
  readonly toUrl: string;
  readonly status: RedirectStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface RedirectInput {
  readonly from: string;
  readonly to: string;
  readonly status?: RedirectStatus | undefined;
}

export function toRedirect(row: RedirectRow): Redirect {
  return {
    id: row.id,
    fromPath: row.from_path,
    toUrl: row.to_url,
    status: row.status === 302 ? 302 : 301,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
