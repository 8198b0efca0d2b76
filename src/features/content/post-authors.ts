import { invalid } from '../../platform/errors.js';

/** The ids of a byline's staff, in order and once each, from slugs, e-mails or ids. */
export async function resolveAuthors(
  refs: readonly string[],
  findAuthorId: (ref: string) => Promise<string | undefined>,
): Promise<string[]> {
  const ids: string[] = [];
  for (const ref of refs) {
    const id = await findAuthorId(ref.trim());
    if (id === undefined)
      throw invalid([{ field: 'authors', message: `no staff member "${ref}"` }]);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
