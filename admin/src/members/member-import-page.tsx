import { useState } from 'preact/hooks';
import type { ImportResponse } from '../../../src/features/members/member.schemas.js';
import { toMessage } from '../api/api-client.js';
import { useApp } from '../app/app-context.js';
import { adminHref } from '../app/router.js';
import { Notice } from '../ui/fields.js';
import { statusLabel } from './member-status.js';

/** CSV import: a dry run first shows what would happen and every bad line; then import. */
export function MemberImportPage() {
  const { api } = useApp();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    setError(null);
    try {
      setResult(
        await api.send<ImportResponse>('POST', '/members/import', { csv, dry_run: dryRun }),
      );
    } catch (caught) {
      setError(toMessage(caught));
    }
  };

  return (
    <>
      <div class="page-header">
        <h1>Import members</h1>
        <a href={adminHref('/members')}>All members</a>
      </div>
      <p class="lede">
        A CSV file with a first line naming its columns: <code>email</code> (required),{' '}
        <code>name</code>, <code>labels</code> (separated by <code>;</code>) and <code>status</code>{' '}
        (free, paid, gift or comped).
      </p>
      {error !== null && <Notice kind="error">{error}</Notice>}
      <div class="panel stack">
        <label for="import-file">CSV file</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setResult(null);
            if (file !== undefined) void file.text().then(setCsv);
          }}
        />
        <div class="actions">
          <button type="button" disabled={csv === ''} onClick={() => void run(true)}>
            Check the file (dry run)
          </button>
          {result?.dry_run === true && result.accepted > 0 && (
            <button type="button" class="button-primary" onClick={() => void run(false)}>
              Import {result.accepted} members
            </button>
          )}
        </div>
      </div>
      {result !== null && (
        <section class="panel" aria-labelledby="import-result">
          <h2 id="import-result">
            {result.dry_run
              ? `${result.accepted} lines would be imported`
              : `${result.imported} members imported`}
          </h2>
          {result.problems.length > 0 && (
            <>
              <h3>{result.problems.length} lines were not imported</h3>
              <ul>
                {result.problems.map((problem) => (
                  <li key={problem.line}>
                    Line {problem.line}: {problem.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.dry_run && result.preview.length > 0 && (
            <table class="table">
              <caption>The first lines that would be imported</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Name</th>
                  <th scope="col">Labels</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {result.preview.map((row) => (
                  <tr key={row.line}>
                    <td>{row.line}</td>
                    <td>{row.email}</td>
                    <td>{row.name}</td>
                    <td>{row.labels.join(', ')}</td>
                    <td>{statusLabel(row.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}
