import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AuditService } from '../audit/audit.service.js';
import { requireScope } from '../auth/guard.js';
import type { Actor } from '../auth/role.js';
import { analyze, PARTNERSHIP_TABLES } from '../db/analyze.js';
import type { Em } from '../db/orm.js';
import { intArray, query, textArray } from '../db/sql.js';
import { MAX_SLUG_LENGTH } from '../input/slug.js';
import { deferAreaRefresh, queuedAreas, refreshAreas, type AreaRefreshOptions } from '../partnership/area-refresh.js';
import { Participation } from '../partnership/participation.entity.js';
import { AreaType, LegalForm } from '../partnership/partnership-enums.js';
import { outsideVoivodeships } from '../partnership/partnership-rules.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { participationSnapshot, partnershipSnapshot } from '../partnership/snapshots.js';
import { Programme } from '../programme/programme.entity.js';
import { ConflictError, InputError } from '../shared/errors.js';
import { searchKey, searchName } from '../shared/search-name.js';
import { membershipActiveSql } from '../time/as-of.js';
import { parseCsv } from './csv.js';
import { decodeCsv } from './decode.js';
import { planMembers } from './import-plan.js';
import { checkRow, mapHeader, type ImportRow } from './import-rows.js';
import type { ImportChange, ImportResult, ImportRowError } from './import-types.js';
import { insertPartnerships, lockPartnerships, readMembers, writeMembers, type MemberRecord, type MemberWrites, type PartnershipDraft } from './import-write.js';

/** The documented limits of one import: 20,000 rows in a file of at most 5 MB. */
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 5_000_000;

/** ASCII slug of a Polish name: "Dolina Raby" → "dolina-raby". */
export const slugify = (name: string) => searchName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, MAX_SLUG_LENGTH);

interface Known {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  voivodeships: string[];
}

/** A partnership the file creates belongs to the województwa of its rows' JSTs. */
const voivodeshipsOf = (rows: readonly ImportRow[]) => [...new Set(rows.map((r) => r.teryt.slice(0, 2)))].sort();

interface Group {
  key: string;
  existing: Known | null;
  slug: string;
  name: string;
  rows: ImportRow[];
  /** The version the file says it was exported at (null: the file does not say). */
  version: number | null;
  /** The day the file describes (its `as_of` column; null: the file does not say). */
  asOf: string | null;
}

interface Plan {
  changes: ImportChange[];
  writes: MemberWrites;
  /** Ids of the partnerships a real run created, by slug (none in a dry run: planned with id 0). */
  createdIds: Map<string, number>;
  dryRun: boolean;
  /** Memberships not running on the day their partnership's rows describe: never removed (see outsideTheirDay). */
  outsideDay: ReadonlySet<number>;
}

/** The columns of a partnership the file creates: unreviewed, with the file's sources. */
const draftOf = (g: Group): PartnershipDraft => ({
  slug: g.slug, name: g.name, searchName: searchKey([g.name]), legalForm: LegalForm.UNKNOWN, areaType: AreaType.OTHER, voivodeships: voivodeshipsOf(g.rows), membersComplete: false,
  completenessNote: 'Created by a spreadsheet import; legal form, area type and completeness not yet reviewed.',
  sources: [...new Set(g.rows.flatMap((r) => r.sources))].map((ref) => ({ ref })), version: 1,
});

/**
 * Imports memberships from a spreadsheet: one row per membership. The file is the whole member
 * list of every partnership it names: members it leaves out are removed. A dry run computes the
 * same diff as a real run and writes nothing; a real run locks the partnerships it changes, then
 * writes all of it in one transaction, or, with any bad row or a stale version, none of it.
 *
 * The functional areas (a union of boundaries per partnership, ~80 % of a large import's cost)
 * are queued in that transaction and recomputed after it commits, in small transactions, so on
 * the embedded database (one connection) reads wait for one batch, not for the whole import. The
 * answer comes after the last batch; a read meanwhile may see a changed partnership's old area.
 */
export class PartnershipImportService {
  /** `areas`: how the areas are refreshed after the commit (batch size; a pause hook for tests). */
  constructor(
    private readonly em: Em,
    private readonly areas: AreaRefreshOptions = {},
  ) {}

  /** `input`: the file's bytes (UTF-8 or Windows-1250, detected) or text already decoded. */
  async run(actor: Actor, input: Uint8Array | string, dryRun: boolean): Promise<ImportResult> {
    const size = typeof input === 'string' ? Buffer.byteLength(input) : input.length;
    if (size > MAX_IMPORT_BYTES) throw new InputError('file', `is ${size} bytes; a file is limited to ${MAX_IMPORT_BYTES} bytes (5 MB)`);
    const { text, encoding } = decodeCsv(input);
    const parsed = parseCsv(text);
    const { columns, errors } = mapHeader(parsed.header);
    const result: ImportResult = { dryRun, applied: false, encoding, rows: parsed.rows.length, changes: [], errors };
    if (errors.length) return result;
    if (parsed.rows.length > MAX_IMPORT_ROWS) return { ...result, errors: [{ line: 1, field: 'file', message: `at most ${MAX_IMPORT_ROWS} rows per import` }] };
    const rows: ImportRow[] = [];
    for (const row of parsed.rows) {
      const checked = checkRow(row, columns);
      if (Array.isArray(checked)) errors.push(...checked);
      else rows.push(checked);
    }
    // Parsing and checking 20,000 rows kept the event loop busy: let the reads that arrived meanwhile start before the transaction takes the connection.
    await yieldToEventLoop();
    const { answer, queued } = await this.em.transactional((tx) => this.write(tx as Em, actor, rows, result));
    await refreshAreas(this.em, queued, this.areas);
    // Thousands of rows may have changed: fresh planner statistics (the embedded database never takes them itself).
    if (answer.applied) await analyze(this.em, PARTNERSHIP_TABLES);
    return answer;
  }

  /** The one transaction of an import: checks, locks, plans and (unless a dry run) writes; returns the partnerships whose areas it queued. */
  private async write(tx: Em, actor: Actor, rows: ImportRow[], result: ImportResult): Promise<{ answer: ImportResult; queued: number[] }> {
    const { dryRun, errors } = result;
    errors.push(...(await this.checkReferences(tx, rows)));
    const groups = await this.group(tx, rows, errors);
    if (errors.length) return { answer: { ...result, errors: errors.sort((a, b) => a.line - b.line) }, queued: [] };
    const members = await this.lockAndRead(tx, groups, dryRun);
    requireScope(actor, {
      voivodeships: groups.flatMap((g) => g.existing?.voivodeships ?? voivodeshipsOf(g.rows)),
      teryts: [...rows.map((r) => r.teryt), ...[...members.values()].flat().map((m) => m.teryt)],
    });
    const changes: ImportChange[] = [];
    const writes: MemberWrites = { inserts: [], updates: [], removals: [], audit: [] };
    const createdIds = dryRun ? new Map<string, number>() : await insertPartnerships(tx, groups.filter((g) => !g.existing).map(draftOf));
    const outsideDay = await outsideTheirDay(tx, groups);
    for (const g of groups) await this.planGroup(tx, actor, g, members.get(g.existing?.id ?? 0) ?? [], { changes, writes, createdIds, dryRun, outsideDay });
    if (dryRun) return { answer: { ...result, changes }, queued: [] };
    await deferAreaRefresh(tx);
    await writeMembers(tx, actor.name, writes);
    await tx.flush();
    const touched = [...groups.flatMap((g) => (g.existing ? [g.existing.id] : [])), ...createdIds.values()];
    return { answer: { ...result, changes, applied: true }, queued: await queuedAreas(tx, touched) };
  }

  /**
   * Locks the existing partnerships the file names (a real run; a dry run only reads), checks the
   * versions the file carries (stale: CONFLICT, nothing written) and only then reads their members,
   * so a concurrent setMembers either finished before or waits until this import commits.
   */
  private async lockAndRead(tx: Em, groups: Group[], dryRun: boolean): Promise<Map<number, MemberRecord[]>> {
    const ids = groups.flatMap((g) => (g.existing ? [g.existing.id] : []));
    const versions = dryRun
      ? new Map((await query<{ id: number; version: number }>(tx, `select id, version from partnership where id in (select unnest(?::int[]))`, [intArray(ids)])).map((r) => [r.id, r.version]))
      : await lockPartnerships(tx, ids);
    for (const g of groups) {
      const current = g.existing ? versions.get(g.existing.id)! : null;
      if (current !== null && g.version !== null && g.version !== current) throw new ConflictError('partnership', g.slug, current, g.version);
    }
    const byPartnership = new Map<number, MemberRecord[]>();
    for (const m of await readMembers(tx, ids)) byPartnership.set(m.partnershipId, [...(byPartnership.get(m.partnershipId) ?? []), m]);
    return byPartnership;
  }

  /** TERYT codes must exist and programmes must be known; one statement each for the whole file. */
  private async checkReferences(tx: Em, rows: ImportRow[]): Promise<ImportRowError[]> {
    const errors: ImportRowError[] = [];
    const known = new Set((await query<{ teryt: string }>(tx, `select teryt from jst where teryt = any(?::text[])`, [textArray([...new Set(rows.map((r) => r.teryt))])])).map((r) => r.teryt));
    const programmes = new Set((await tx.find(Programme, {})).map((p) => p.code));
    for (const r of rows) {
      if (!known.has(r.teryt)) errors.push({ line: r.line, field: 'teryt', message: `no JST with TERYT code ${r.teryt}` });
      if (r.programme && !programmes.has(r.programme)) errors.push({ line: r.line, field: 'programme', message: `no programme with code "${r.programme}"` });
    }
    return errors;
  }

  /** Groups rows by partnership, found by slug or by name (ignoring case and diacritics); unknown names become new partnerships. */
  private async group(tx: Em, rows: ImportRow[], errors: ImportRowError[]): Promise<Group[]> {
    const all = await query<Known>(tx, `select id, slug, name, short_name as "shortName", voivodeships from partnership`);
    const bySlug = new Map(all.map((p) => [p.slug, p]));
    const byName = new Map(all.flatMap((p) => [[searchName(p.name), p] as const, ...(p.shortName ? [[searchName(p.shortName), p] as const] : [])]));
    const groups = new Map<string, Group>();
    const fail = (r: ImportRow, field: string, message: string) => void errors.push({ line: r.line, field, message });
    const unknownTeryt = new Set(errors.filter((e) => e.field === 'teryt').map((e) => e.line));
    for (const r of rows) {
      const existing = bySlug.get(r.partnership) ?? byName.get(searchName(r.partnership)) ?? null;
      const slug = existing?.slug ?? slugify(r.partnership);
      if (!slug) fail(r, 'partnership', 'the name gives no usable slug');
      else if (!existing && bySlug.has(slug)) fail(r, 'partnership', `"${r.partnership}" is a new name whose slug "${slug}" belongs to "${bySlug.get(slug)!.name}"; use that name or its slug`);
      if (!slug || (!existing && bySlug.has(slug))) continue;
      const group = groups.get(slug) ?? { key: slug, existing, slug, name: existing?.name ?? r.partnership, rows: [], version: r.version, asOf: r.asOf };
      groups.set(slug, group);
      const twice = group.rows.find((x) => x.teryt === r.teryt);
      // Every other write path refuses a member outside the partnership's województwa (checkMembersWithin); so does the import.
      const outside = existing && !unknownTeryt.has(r.line) ? outsideVoivodeships(existing.voivodeships, r.teryt) : null;
      if (twice) fail(r, 'teryt', `${r.teryt} is listed for "${group.name}" already on line ${twice.line}`);
      else if (r.version !== group.version) fail(r, 'version', `${r.version ?? 'empty'} differs from ${group.version ?? 'empty'} on line ${group.rows[0]!.line}: one version per partnership`);
      else if (r.asOf !== group.asOf) fail(r, 'as_of', `${r.asOf ?? 'empty'} differs from ${group.asOf ?? 'empty'} on line ${group.rows[0]!.line}: one day per partnership`);
      else if (outside) fail(r, 'teryt', outside);
      else group.rows.push(r);
    }
    return [...groups.values()];
  }

  /** Plans one partnership: created (inserted already in a real run) or changed; its members and participations; its version bump. */
  private async planGroup(tx: Em, actor: Actor, g: Group, existing: MemberRecord[], plan: Plan): Promise<void> {
    const { changes, writes, dryRun } = plan;
    let partnership: Partnership;
    if (g.existing) partnership = await tx.findOneOrFail(Partnership, { id: g.existing.id });
    else {
      // Not managed by the EntityManager: inserted set-based (insertPartnerships); used for snapshots and ids.
      partnership = Object.assign(new Partnership(), draftOf(g), { id: plan.createdIds.get(g.slug) ?? 0 });
      const after = partnershipSnapshot(partnership);
      changes.push({ kind: 'created', entity: 'partnership', key: g.slug, lines: g.rows.map((r) => r.line), before: null, after });
      writes.audit.push({ action: 'IMPORT_CREATE', entity: 'partnership', entityKey: g.slug, partnershipId: partnership.id, before: null, after });
    }
    const before = g.existing ? partnershipSnapshot(partnership) : null;
    const count = changes.length;
    planMembers(g.slug, partnership.id, g.rows, existing, changes, writes, plan.outsideDay);
    await this.planParticipations(tx, actor, g, partnership, changes, dryRun);
    if (dryRun || !before || changes.length === count) return;
    partnership.version += 1;
    new AuditService(tx).record(actor.name, { action: 'IMPORT', entity: 'partnership', entityKey: g.slug, partnershipId: partnership.id, before, after: partnershipSnapshot(partnership) });
  }

  private async planParticipations(tx: Em, actor: Actor, g: Group, partnership: Partnership, changes: ImportChange[], dryRun: boolean): Promise<void> {
    const rows = g.rows.filter((r) => r.programme);
    if (!rows.length) return;
    const existing = g.existing ? await tx.find(Participation, { partnership: g.existing.id }, { populate: ['programme'] }) : [];
    const audit = new AuditService(tx);
    const byProgramme = new Map<string, ImportRow[]>();
    for (const r of rows) byProgramme.set(r.programme!, [...(byProgramme.get(r.programme!) ?? []), r]);
    for (const [code, programmeRows] of byProgramme) {
      const statuses = [...new Set(programmeRows.map((r) => r.status!))];
      const lines = programmeRows.map((r) => r.line);
      const key = `${g.slug}/${code}`;
      const had = existing.find((p) => p.programme.code === code);
      const status = statuses[statuses.length - 1]!;
      if (!had) {
        changes.push({ kind: 'created', entity: 'participation', key, lines, before: null, after: { programme: code, status } });
        if (dryRun) continue;
        const programme = await tx.findOneOrFail(Programme, { code });
        const created = tx.create(Participation, { partnership: tx.getReference(Partnership, partnership.id), programme, status, probable: false, sources: [...new Set(programmeRows.flatMap((r) => r.sources))].map((ref) => ({ ref })), version: 1 });
        audit.record(actor.name, { action: 'ADD_PARTICIPATION', entity: 'participation', entityKey: key, partnershipId: partnership.id, after: participationSnapshot(created) });
      } else if (had.status !== status) {
        const before = participationSnapshot(had);
        changes.push({ kind: 'changed', entity: 'participation', key, lines, before, after: { ...before, status } });
        if (dryRun) continue;
        Object.assign(had, { status, version: had.version + 1 });
        audit.record(actor.name, { action: 'UPDATE_PARTICIPATION', entity: 'participation', entityKey: key, partnershipId: partnership.id, before, after: participationSnapshot(had) });
      }
    }
  }
}

/**
 * The memberships of the existing partnerships whose rows name a day (`as_of`) that were not running
 * on that day (what that means is atlas_active_on's to say): one statement per distinct day, and a
 * file has one day as a rule.
 */
async function outsideTheirDay(tx: Em, groups: Group[]): Promise<Set<number>> {
  const byDay = new Map<string, number[]>();
  for (const g of groups) if (g.asOf && g.existing) byDay.set(g.asOf, [...(byDay.get(g.asOf) ?? []), g.existing.id]);
  const ids = new Set<number>();
  for (const [day, partnerships] of byDay) {
    const rows = await query<{ id: number }>(tx, `select m.id from membership m where m.partnership_id = any(?::int[]) and not ${membershipActiveSql('m', day)}`, [intArray(partnerships)]);
    for (const r of rows) ids.add(r.id);
  }
  return ids;
}
