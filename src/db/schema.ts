import type { MediaTable } from '../features/content/media.table.js';
import type {
  PostAuthorTable,
  PostRevisionTable,
  PostTable,
  PostTagTable,
  SlugRedirectTable,
} from '../features/content/post.table.js';
import type { TagTable } from '../features/content/tag.table.js';
import type { SettingTable } from '../features/settings/setting.table.js';
import type {
  ApiTokenTable,
  AuditLogTable,
  StaffSessionTable,
  StaffUserTable,
} from '../features/staff/staff.table.js';
import type { JobTable } from '../platform/jobs/job.table.js';

/** Every table Masthead owns; each feature declares its own table types. */
export interface Database {
  settings: SettingTable;
  media: MediaTable;
  staff_users: StaffUserTable;
  staff_sessions: StaffSessionTable;
  api_tokens: ApiTokenTable;
  audit_log: AuditLogTable;
  tags: TagTable;
  posts: PostTable;
  post_tags: PostTagTable;
  post_authors: PostAuthorTable;
  post_revisions: PostRevisionTable;
  slug_redirects: SlugRedirectTable;
  jobs: JobTable;
}
