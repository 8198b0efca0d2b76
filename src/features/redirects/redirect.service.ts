import type { Db, Executor, Trx } from '../../db/database.js';
import type { Clock } from '../../platform/clock.js';
import { AppError, invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import type { EventOutbox } from '../../platform/events/event-relay.js';
import { newId } from '../../platform/ids.js';
import type { Actor } from '../staff/actor.js';
import type { AuditService } from '../staff/audit.service.js';
import { ensureCan } from '../staff/permissions.js';
import { parseRedirectCsv, toRedirectCsv } from './redirect-csv.js';
import './redirect-events.js';
import {
  isRedirectLoop,
  parseFromPath,
  parseToUrl,
  toLookupKeys,
  toLookupKeysOfTarget,
} from './redirect-paths.js';
import * as repo from './redirect.repository.js';
import { toRedirect, type Redirect, type RedirectInput, type RedirectStatus } from './redirect.js';

export interface RedirectServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly audit: AuditService;
  readonly events: EventOutbox;
  readonly siteUrl: string;
}

/** Where a request for an old path goes. */
export interface RedirectTarget {
  readonly location: string;
  readonly status: RedirectStatus;
}

/** A checked redirect, ready to store. */
interface CheckedRedirect {
  readonly fromPath: string;
  readonly toUrl: string;
  readonly status: RedirectStatus;
}

/** Redirects followed in one answer, so a chain of them costs the reader one hop. */
const maxHops = 5;

export type RedirectService = ReturnType<typeof createRedirectService>;

export function createRedirectService(deps: RedirectServiceDeps) {
  const { db, clock, audit, events, siteUrl } = deps;

  /** Checks one input against the table as it would be, `others` being every other row. */
  function check(
    input: RedirectInput,
    others: ReadonlyMap<string, string>,
    field = (name: string) => name,
  ): CheckedRedirect {
    const problems: FieldProblem[] = [];
    const from = parseFromPath(input.from);
    const to = parseToUrl(input.to, siteUrl);
    if (!from.ok) problems.push({ field: field('from'), message: from.message });
    if (!to.ok) problems.push({ field: field('to'), message: to.message });
    if (from.ok && to.ok) {
      if (others.has(from.value)) {
        problems.push({ field: field('from'), message: `already redirects (${from.value})` });
      } else if (isRedirectLoop(from.value, to.value, (key) => others.get(key))) {
        problems.push({
          field: field('to'),
          message: `leads back to ${from.value}, so readers would go round in a circle`,
        });
      }
    }
    if (problems.length > 0 || !from.ok || !to.ok) throw invalid(problems);
    return { fromPath: from.value, toUrl: to.value, status: input.status ?? 301 };
  }

  async function tableExcept(executor: Executor, exceptId?: string): Promise<Map<string, string>> {
    const rows = await repo.listRedirects(executor);
    return new Map(rows.filter((r) => r.id !== exceptId).map((r) => [r.from_path, r.to_url]));
  }

  /** Recorded with the change, so every process drops the redirects it cached. */
  function announce(trx: Trx, count: number): Promise<void> {
    return events.record(trx, 'redirects.changed', { count });
  }

  return {
    async listRedirects(actor: Actor): Promise<Redirect[]> {
      ensureCan(actor, 'redirects.manage', 'see the redirects');
      return (await repo.listRedirects(db)).map(toRedirect);
    },

    async createRedirect(actor: Actor, input: RedirectInput): Promise<Redirect> {
      ensureCan(actor, 'redirects.manage', 'add redirects');
      const redirect = await db.transaction().execute(async (trx) => {
        const checked = check(input, await tableExcept(trx));
        const now = clock.now().toISOString();
        const row = {
          id: newId(),
          from_path: checked.fromPath,
          to_url: checked.toUrl,
          status: checked.status,
          created_at: now,
          updated_at: now,
        };
        await repo.insertRedirect(trx, row);
        await audit.record(
          trx,
          actor,
          'redirect.create',
          { type: 'redirect', id: row.id },
          {
            from: row.from_path,
            to: row.to_url,
          },
        );
        await announce(trx, 1);
        return toRedirect(row);
      });
      await events.deliver();
      return redirect;
    },

    async updateRedirect(
      actor: Actor,
      id: string,
      input: Partial<RedirectInput>,
    ): Promise<Redirect> {
      ensureCan(actor, 'redirects.manage', 'change redirects');
      const redirect = await db.transaction().execute(async (trx) => {
        const row = await repo.findRedirectById(trx, id);
        if (row === undefined) throw notFound('That redirect');
        const checked = check(
          {
            from: input.from ?? row.from_path,
            to: input.to ?? row.to_url,
            status: input.status ?? (row.status === 302 ? 302 : 301),
          },
          await tableExcept(trx, id),
        );
        const changes = {
          from_path: checked.fromPath,
          to_url: checked.toUrl,
          status: checked.status,
          updated_at: clock.now().toISOString(),
        };
        await repo.updateRedirect(trx, id, changes);
        await audit.record(
          trx,
          actor,
          'redirect.update',
          { type: 'redirect', id },
          {
            from: changes.from_path,
            to: changes.to_url,
          },
        );
        await announce(trx, 1);
        return toRedirect({ ...row, ...changes });
      });
      await events.deliver();
      return redirect;
    },

    async deleteRedirect(actor: Actor, id: string): Promise<void> {
      ensureCan(actor, 'redirects.manage', 'delete redirects');
      await db.transaction().execute(async (trx) => {
        const row = await repo.findRedirectById(trx, id);
        if (row === undefined) throw notFound('That redirect');
        await repo.deleteRedirect(trx, id);
        await audit.record(
          trx,
          actor,
          'redirect.delete',
          { type: 'redirect', id },
          {
            from: row.from_path,
          },
        );
        await announce(trx, 1);
      });
      await events.deliver();
    },

    /**
     * Adds every line of a CSV file, replacing redirects from the same paths. All or
     * nothing: one bad line refuses the file, naming every bad line.
     */
    async importRedirects(
      actor: Actor,
      csv: string,
    ): Promise<{ created: number; replaced: number }> {
      ensureCan(actor, 'redirects.manage', 'import redirects');
      const parsed = parseRedirectCsv(csv);
      if (!parsed.ok)
        throw new AppError('invalid_body', parsed.message, [
          { field: 'csv', message: parsed.message },
        ]);
      const result = await db.transaction().execute(async (trx) => {
        const existing = await repo.listRedirects(trx);
        const table = new Map(existing.map((r) => [r.from_path, r.to_url]));
        const problems: FieldProblem[] = [];
        const checked: CheckedRedirect[] = [];
        const seen = new Set<string>();
        for (const line of parsed.lines) {
          const field = (name: string) => `line ${line.line}: ${name}`;
          const status = line.status === '' ? 301 : Number(line.status);
          if (status !== 301 && status !== 302) {
            problems.push({ field: field('status'), message: 'must be 301 or 302' });
            continue;
          }
          try {
            const from = parseFromPath(line.from);
            // A line replaces the stored redirect from the same path.
            if (from.ok) table.delete(from.value);
            const one = check({ from: line.from, to: line.to, status }, table, field);
            if (seen.has(one.fromPath)) {
              problems.push({ field: field('from'), message: 'appears twice in the file' });
              continue;
            }
            seen.add(one.fromPath);
            table.set(one.fromPath, one.toUrl);
            checked.push(one);
          } catch (error) {
            if (error instanceof AppError) problems.push(...error.fields);
            else throw error;
          }
        }
        if (problems.length > 0) {
          throw new AppError(
            'validation_failed',
            `The file was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, starting at ${problems[0]?.field ?? 'the first line'}.`,
            problems.slice(0, 50),
          );
        }
        const byFrom = new Map(existing.map((r) => [r.from_path, r]));
        const now = clock.now().toISOString();
        let replaced = 0;
        for (const one of checked) {
          const old = byFrom.get(one.fromPath);
          if (old === undefined) {
            await repo.insertRedirect(trx, {
              id: newId(),
              from_path: one.fromPath,
              to_url: one.toUrl,
              status: one.status,
              created_at: now,
              updated_at: now,
            });
          } else {
            replaced += 1;
            await repo.updateRedirect(trx, old.id, {
              to_url: one.toUrl,
              status: one.status,
              updated_at: now,
            });
          }
        }
        await audit.record(
          trx,
          actor,
          'redirect.import',
          { type: 'redirect', id: 'import' },
          {
            lines: checked.length,
            replaced,
          },
        );
        await announce(trx, checked.length);
        return { created: checked.length - replaced, replaced };
      });
      await events.deliver();
      return result;
    },

    async exportRedirects(actor: Actor): Promise<string> {
      ensureCan(actor, 'redirects.manage', 'export the redirects');
      return toRedirectCsv((await repo.listRedirects(db)).map(toRedirect));
    },

    /**
     * Where a request for `path` (with `search`, the query without its `?`) goes by the
     * redirects table, following a chain to its end; null when no redirect matches.
     * A redirect matched by path alone keeps the request's query unless it names its own.
     */
    async findTarget(path: string, search: string): Promise<RedirectTarget | null> {
      let keys = toLookupKeys(path, search);
      let status: RedirectStatus = 301;
      let location: string | null = null;
      let keepQuery = false;
      const seen = new Set<string>();
      for (let hop = 0; hop < maxHops && keys.length > 0; hop += 1) {
        const rows = await repo.findRedirectsFrom(db, keys);
        const match = keys.map((key) => rows.find((row) => row.from_path === key)).find(Boolean);
        if (match === undefined || seen.has(match.from_path)) break;
        seen.add(match.from_path);
        if (hop === 0) keepQuery = !match.from_path.includes('?') && search !== '';
        if (match.status === 302) status = 302;
        location = match.to_url;
        keys = toLookupKeysOfTarget(match.to_url);
      }
      if (location === null) return null;
      if (keepQuery && !location.includes('?')) {
        const hashAt = location.indexOf('#');
        location =
          hashAt < 0
            ? `${location}?${search}`
            : `${location.slice(0, hashAt)}?${search}${location.slice(hashAt)}`;
      }
      return { location, status };
    },
  };
}
