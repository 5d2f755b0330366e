import { AuditService } from '../audit/audit.service.js';
import { requireRegion } from '../auth/guard.js';
import type { Actor } from '../auth/role.js';
import type { Em } from '../db/orm.js';
import { query, textArray } from '../db/sql.js';
import { Membership } from '../partnership/membership.entity.js';
import { Participation } from '../partnership/participation.entity.js';
import { AreaType, LegalForm } from '../partnership/partnership-enums.js';
import type { CheckedMember } from '../partnership/partnership-rules.js';
import { applyMemberList, PartnershipWriteService } from '../partnership/partnership-write.service.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { membershipSnapshot, participationSnapshot, partnershipSnapshot } from '../partnership/snapshots.js';
import { Programme } from '../programme/programme.entity.js';
import { searchName } from '../shared/search-name.js';
import { parseCsv } from './csv.js';
import { checkRow, mapHeader, type ImportRow } from './import-rows.js';
import type { ImportChange, ImportResult, ImportRowError } from './import-types.js';

const MAX_ROWS = 20_000;

/** ASCII slug of a Polish name: "Dolina Raby" → "dolina-raby". */
export const slugify = (name: string) => searchName(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 120);

interface Group {
  key: string;
  existing: Partnership | null;
  slug: string;
  name: string;
  rows: ImportRow[];
}

/**
 * Imports memberships from a spreadsheet: one row per membership. The file is the whole member
 * list of every partnership it names: members it leaves out are removed. A dry run computes the
 * same diff as a real run and writes nothing; a real run writes all of it in one transaction, or,
 * with any bad row, none of it.
 */
export class PartnershipImportService {
  constructor(private readonly em: Em) {}

  async run(actor: Actor, csv: string, dryRun: boolean): Promise<ImportResult> {
    const parsed = parseCsv(csv);
    const { columns, errors } = mapHeader(parsed.header);
    const result: ImportResult = { dryRun, applied: false, rows: parsed.rows.length, changes: [], errors };
    if (errors.length) return result;
    if (parsed.rows.length > MAX_ROWS) return { ...result, errors: [{ line: 1, field: 'file', message: `at most ${MAX_ROWS} rows per import` }] };
    const rows: ImportRow[] = [];
    for (const row of parsed.rows) {
      const checked = checkRow(row, columns);
      if (Array.isArray(checked)) errors.push(...checked);
      else rows.push(checked);
    }
    return this.em.transactional(async (tx) => {
      errors.push(...(await this.checkReferences(tx as Em, rows)));
      const groups = await this.group(tx as Em, rows, errors);
      if (errors.length) return { ...result, errors: errors.sort((a, b) => a.line - b.line) };
      const existingMembers = new Map<string, Membership[]>();
      for (const g of groups) existingMembers.set(g.key, g.existing ? await tx.find(Membership, { partnership: g.existing }, { orderBy: { id: 'asc' } }) : []);
      requireRegion(actor, [...rows.map((r) => r.teryt), ...[...existingMembers.values()].flat().map((m) => m.jst.teryt)]);
      const changes: ImportChange[] = [];
      for (const g of groups) await this.planGroup(tx as Em, actor, g, existingMembers.get(g.key)!, changes, dryRun);
      if (!dryRun) await tx.flush();
      return { ...result, changes, applied: !dryRun };
    });
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
    const all = await tx.find(Partnership, {});
    const bySlug = new Map(all.map((p) => [p.slug, p]));
    const byName = new Map(all.flatMap((p) => [[searchName(p.name), p] as const, ...(p.shortName ? [[searchName(p.shortName), p] as const] : [])]));
    const groups = new Map<string, Group>();
    for (const r of rows) {
      const existing = bySlug.get(r.partnership) ?? byName.get(searchName(r.partnership)) ?? null;
      const slug = existing?.slug ?? slugify(r.partnership);
      if (!slug) {
        errors.push({ line: r.line, field: 'partnership', message: 'the name gives no usable slug' });
        continue;
      }
      if (!existing && bySlug.has(slug)) {
        errors.push({ line: r.line, field: 'partnership', message: `"${r.partnership}" is a new name whose slug "${slug}" belongs to "${bySlug.get(slug)!.name}"; use that name or its slug` });
        continue;
      }
      const group = groups.get(slug) ?? { key: slug, existing, slug, name: existing?.name ?? r.partnership, rows: [] };
      const twice = group.rows.find((x) => x.teryt === r.teryt);
      if (twice) errors.push({ line: r.line, field: 'teryt', message: `${r.teryt} is listed for "${group.name}" already on line ${twice.line}` });
      else group.rows.push(r);
      groups.set(slug, group);
    }
    return [...groups.values()];
  }

  private async planGroup(tx: Em, actor: Actor, g: Group, existing: Membership[], changes: ImportChange[], dryRun: boolean): Promise<void> {
    const lines = g.rows.map((r) => r.line);
    let partnership = g.existing;
    if (!partnership) {
      const sources = [...new Set(g.rows.map((r) => r.source))].map((ref) => ({ ref }));
      const draft = {
        slug: g.slug, name: g.name, searchName: searchName(g.name), legalForm: LegalForm.UNKNOWN, areaType: AreaType.OTHER,
        membersComplete: false, completenessNote: 'Created by a spreadsheet import; legal form, area type and completeness not yet reviewed.', sources, version: 1,
      };
      partnership = dryRun ? Object.assign(new Partnership(), draft) : tx.create(Partnership, draft);
      changes.push({ kind: 'created', entity: 'partnership', key: g.slug, lines, before: null, after: partnershipSnapshot(partnership) });
      if (!dryRun) {
        await tx.flush();
        new AuditService(tx).record(actor.name, { action: 'IMPORT_CREATE', entity: 'partnership', entityKey: g.slug, partnershipId: partnership.id, after: partnershipSnapshot(partnership) });
      }
    } else if (!dryRun) {
      await PartnershipWriteService.lockForChange(tx, g.slug, null);
    }

    const current = new Map(existing.map((m) => [m.jst.teryt, m]));
    const wanted: CheckedMember[] = g.rows.map((r) => {
      const had = current.get(r.teryt);
      const same = had && had.role === r.role && (had.joined ?? null) === r.joined && (had.left ?? null) === r.left;
      return { teryt: r.teryt, role: r.role, joined: r.joined, left: r.left, sources: same ? had.sources : [{ ref: r.source }] };
    });
    for (const [i, w] of wanted.entries()) {
      const had = current.get(w.teryt);
      const after = { teryt: w.teryt, role: w.role, joined: w.joined, left: w.left };
      if (!had) changes.push({ kind: 'created', entity: 'membership', key: `${g.slug}/${w.teryt}`, lines: [g.rows[i]!.line], before: null, after });
      else if (had.sources !== w.sources) changes.push({ kind: 'changed', entity: 'membership', key: `${g.slug}/${w.teryt}`, lines: [g.rows[i]!.line], before: membershipSnapshot(had), after });
    }
    const listed = new Set(wanted.map((w) => w.teryt));
    for (const m of existing) if (!listed.has(m.jst.teryt)) changes.push({ kind: 'removed', entity: 'membership', key: `${g.slug}/${m.jst.teryt}`, lines: [], before: membershipSnapshot(m), after: null });
    if (!dryRun) applyMemberList(tx, actor, partnership, existing, wanted);

    await this.planParticipations(tx, actor, g, partnership, changes, dryRun);
    if (!dryRun) partnership.version += 1;
  }

  private async planParticipations(tx: Em, actor: Actor, g: Group, partnership: Partnership, changes: ImportChange[], dryRun: boolean): Promise<void> {
    const rows = g.rows.filter((r) => r.programme);
    if (!rows.length) return;
    const existing = g.existing ? await tx.find(Participation, { partnership: g.existing }, { populate: ['programme'] }) : [];
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
        const created = tx.create(Participation, { partnership, programme, status, probable: false, sources: [...new Set(programmeRows.map((r) => r.source))].map((ref) => ({ ref })), version: 1 });
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
