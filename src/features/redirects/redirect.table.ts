import type { Selectable } from 'kysely';

export interface RedirectTable {
  id: string;
  /** A path of this site, without a trailing slash, maybe with one `?name=value`. */
  from_path: string;
  /** A path of this site or an absolute http(s) URL. */
  to_url: string;
  status: number;
  created_at: string;
  updated_at: string;
}

export type RedirectRow = Selectable<RedirectTable>;
