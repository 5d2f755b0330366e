import DataLoader from 'dataloader';
import type { Em } from '../db/orm.js';
import { Jst } from '../jst/jst.entity.js';
import { JstService } from '../jst/jst.service.js';
import { Membership, Partner, UnmatchedMember } from '../partnership/membership.entity.js';
import { Participation } from '../partnership/participation.entity.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { PartnershipService, type FunctionalAreaFigures } from '../partnership/partnership.service.js';
import { readMemberships, readParticipationMembers, readParticipations } from '../partnership/partnership-read.js';
import { Programme, ProgrammePhase, ReportedFigure } from '../programme/programme.entity.js';
import { ProgrammeService, type LoadedFigures } from '../programme/programme.service.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { GeometryOptions } from '../input/geometry-options.js';
import type { GeoJsonText } from '../shared/geojson-text.js';
import type { ReadCache } from '../dataset/read-cache.js';
import { AreaOnDayService, optionsKey, type AreaOnDay } from '../partnership/area-on-day.js';
import type { Day } from '../time/as-of.js';

/** Groups rows by a key, keeping the order of `keys` (DataLoader's contract). */
function groupBy<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k)!);
}

/** Batches lookups by geometry options, so one SQL statement serves every shape a request asks for with the same options. */
function geometryLoader<K extends string | number>(fetch: (keys: K[], options: GeometryOptions) => Promise<Map<K, GeoJsonText>>) {
  return new DataLoader<{ key: K; options: GeometryOptions }, GeoJsonText | null, string>(
    async (requests) => {
      const byOptions = new Map<string, { options: GeometryOptions; keys: K[] }>();
      for (const r of requests) {
        const id = `${r.options.simplify}|${r.options.precision}`;
        if (!byOptions.has(id)) byOptions.set(id, { options: r.options, keys: [] });
        byOptions.get(id)!.keys.push(r.key);
      }
      const results = new Map<string, GeoJsonText>();
      for (const [id, group] of byOptions) {
        const found = await fetch(group.keys, group.options);
        for (const [key, geometry] of found) results.set(`${key}|${id}`, geometry);
      }
      return requests.map((r) => results.get(`${r.key}|${r.options.simplify}|${r.options.precision}`) ?? null);
    },
    { cacheKeyFn: (r) => `${r.key}|${r.options.simplify}|${r.options.precision}` },
  );
}

/**
 * Per-request batch loaders: each relation a GraphQL query walks costs one SQL statement per
 * level of the query, however many parents it has (no N+1).
 */
export function createLoaders(em: Em, readCache: ReadCache | null = null) {
  const onDay = new AreaOnDayService(em, readCache);
  const jsts = new JstService(em);
  const partnerships = new PartnershipService(em);
  const programmes = new ProgrammeService(em);
  const audit = new AuditService(em);
  return lazily({
    jst: () => new DataLoader<string, Jst | null>(async (keys) => {
      const found = await jsts.readMany(keys);
      const byKey = new Map(found.map((j) => [j.teryt, j]));
      return keys.map((k) => byKey.get(k) ?? null);
    }),
    partnership: () => new DataLoader<number, Partnership | null>(async (ids) => {
      const found = await em.find(Partnership, { id: { $in: [...ids] } });
      const byId = new Map(found.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    programme: () => new DataLoader<number, Programme | null>(async (ids) => {
      const found = await em.find(Programme, { id: { $in: [...ids] } });
      const byId = new Map(found.map((p) => [p.id, p]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    membershipsOfPartnership: () => new DataLoader<number, Membership[]>(async (ids) =>
      groupBy(ids, await readMemberships(em, ids), (m) => m.partnership.id),
    ),
    membershipsOfJst: () => new DataLoader<string, Membership[]>(async (keys) =>
      groupBy(keys, await em.find(Membership, { jst: { $in: [...keys] } }, { orderBy: { partnership: 'asc' } }), (m) => m.jst.teryt),
    ),
    membersOfParticipation: () => new DataLoader<number, Membership[]>(async (ids) =>
      groupBy(ids, await readParticipationMembers(em, ids), (r) => r.participationId).map((rows) => rows.map((r) => r.membership)),
    ),
    participationsOfPartnership: () => new DataLoader<number, Participation[]>(async (ids) =>
      groupBy(ids, await readParticipations(em, ids), (p) => p.partnership.id),
    ),
    participationsOfProgramme: () => new DataLoader<number, Participation[]>(async (ids) =>
      groupBy(ids, await em.find(Participation, { programme: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (p) => p.programme.id),
    ),
    partnersOfPartnership: () => new DataLoader<number, Partner[]>(async (ids) =>
      groupBy(ids, await em.find(Partner, { partnership: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (p) => p.partnership.id),
    ),
    unmatchedOfPartnership: () => new DataLoader<number, UnmatchedMember[]>(async (ids) =>
      groupBy(ids, await em.find(UnmatchedMember, { partnership: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (u) => u.partnership.id),
    ),
    functionalArea: () => new DataLoader<number, FunctionalAreaFigures | null>(async (ids) => {
      const found = await partnerships.functionalAreas(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    jstPlacement: () => new DataLoader<string, { point: [number, number]; bbox: [number, number, number, number] } | null>(async (keys) => {
      const found = await jsts.placement(keys);
      return keys.map((k) => found.get(k) ?? null);
    }),
    /** `history(last:)` of many partnerships: one statement per distinct `last` in the request. */
    history: () => new DataLoader<{ id: number; last: number }, AuditEntry[], string>(
      async (requests) => {
        const byLast = new Map<number, Map<number, AuditEntry[]>>();
        for (const last of new Set(requests.map((r) => r.last))) {
          byLast.set(last, await audit.ofPartnerships([...new Set(requests.filter((r) => r.last === last).map((r) => r.id))], last));
        }
        return requests.map((r) => byLast.get(r.last)!.get(r.id) ?? []);
      },
      { cacheKeyFn: (r) => `${r.id}|${r.last}` },
    ),
    phasesOfProgramme: () => new DataLoader<number, ProgrammePhase[]>(async (ids) =>
      groupBy(ids, await em.find(ProgrammePhase, { programme: { $in: [...ids] } }, { orderBy: { programme: 'asc', position: 'asc' } }), (p) => p.programme.id),
    ),
    figuresOfProgramme: () => new DataLoader<number, ReportedFigure[]>(async (ids) =>
      groupBy(ids, await em.find(ReportedFigure, { programme: { $in: [...ids] } }, { orderBy: { programme: 'asc', position: 'asc' } }), (f) => f.programme.id),
    ),
    loadedFigures: () => new DataLoader<number, LoadedFigures | null>(async (ids) => {
      const found = await programmes.loadedFigures(ids);
      return ids.map((id) => found.get(id) ?? null);
    }),
    /**
     * A functional area on a day other than today (`asOf`): the figures (no `options`) and the
     * geometries a request asks for of one partnership and day come from one union, cached per day.
     */
    areaOnDay: () => new DataLoader<{ id: number; day: Day; options: GeometryOptions | null }, FunctionalAreaFigures | string | null, string>(
      async (keys) => {
        const groups = new Map<string, { id: number; day: Day; options: GeometryOptions[] }>();
        for (const k of keys) {
          const group = groups.get(`${k.id}|${k.day}`) ?? { id: k.id, day: k.day, options: [] };
          if (k.options) group.options.push(k.options);
          groups.set(`${k.id}|${k.day}`, group);
        }
        const read = new Map<string, AreaOnDay>();
        for (const [key, g] of groups) read.set(key, await onDay.read(g.id, g.day, g.options));
        return keys.map((k) => {
          const area = read.get(`${k.id}|${k.day}`)!;
          return k.options ? (area.geometries[optionsKey(k.options)] ?? null) : area.figures;
        });
      },
      { cacheKeyFn: (k) => `${k.id}|${k.day}|${k.options ? optionsKey(k.options) : 'figures'}` },
    ),
    jstGeometry: () => geometryLoader<string>((keys, options) => jsts.geometries(keys, options)),
    areaGeometry: () => geometryLoader<number>((keys, options) => partnerships.areaGeometries(keys, options)),
  });
}

/**
 * An object whose properties are built on first read: a request builds the few loaders its query
 * walks, not all twenty (`{ __typename }` builds none).
 */
function lazily<T extends Record<string, () => unknown>>(factories: T): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const target = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(factories) as (keyof T)[]) {
    Object.defineProperty(target, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = factories[key]!();
        Object.defineProperty(target, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return target;
}

export type Loaders = ReturnType<typeof createLoaders>;
