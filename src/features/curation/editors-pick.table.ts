export interface EditorsPickTable {
  post_id: string;
  position: number;
  picked_by: string;
  picked_at: string;
}
