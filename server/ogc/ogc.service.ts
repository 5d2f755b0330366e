import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Em } from '../db/orm.js';
import { query, Where } from '../db/sql.js';
import type { Crs } from '../input/crs.js';
import type { OgcItemsQuery } from '../input/ogc-query.js';
import { requireExisting } from '../shared/exists.js';
import type { OgcCollection } from './collections.js';
import type { TimeScope } from '../time/scope.js';
import { envelopeSql, extentSql, geometryJsonSql } from './ogc-geometry.js';

/**
 * Features per statement. The embedded database has one connection in this process: a page of
 * 10,000 boundaries in one statement would hold it (and the event loop) for seconds, so a page is
 * read in slices with a turn of the event loop between them.
 */
export const OGC_BATCH = 200;

/** A page of features: each feature's GeoJSON as PostGIS wrote it, and how many match the query. */
export interface OgcPage {
  features: string[];
  numberMatched: number;
}

/** Reads the OGC API's collections; every value reaches SQL as a parameter, parsed beforehand by server/input. */
export class OgcService {
  constructor(private readonly em: Em) {}

  /** The conditions of `q` on `collection`; a programme or partnership named must exist (NOT_FOUND otherwise, as in GraphQL). */
  private async where(collection: OgcCollection, q: OgcItemsQuery): Promise<Where> {
    if (q.filters.programme !== undefined) await requireExisting(this.em, 'programme', q.filters.programme, 'programme');
    if (q.filters.partnership !== undefined) await requireExisting(this.em, 'partnership', q.filters.partnership, 'partnership');
    const where = new Where().add(collection.base(q.scope));
    collection.where(where, q.filters, q.scope);
    if (q.bbox) {
      const envelope = envelopeSql(q.bbox);
      where.add(`ST_Intersects(${collection.geometry(q.scope)}, ${envelope.sql})`, ...envelope.params);
    }
    return where;
  }

  /** SQL of one feature's GeoJSON text, in the time scope asked (null: the collection's default). */
  private featureSql(collection: OgcCollection, crs: Crs, scope: TimeScope | null): string {
    return `json_build_object('type', 'Feature', 'id', ${collection.idSql}, 'geometry', ${geometryJsonSql(collection.geometry(scope), crs)}::json,
      'properties', ${collection.properties(scope)})::text as feature`;
  }

  /** One page (`limit` features after `offset`, in the collection's order) and the count of all that match. */
  async items(collection: OgcCollection, q: OgcItemsQuery): Promise<OgcPage> {
    const where = await this.where(collection, q);
    const [count] = await query<{ n: number }>(this.em, `select count(*)::int as n from ${collection.from} ${where}`, where.params);
    const numberMatched = count?.n ?? 0;
    const features: string[] = [];
    const end = Math.min(q.offset + q.limit, numberMatched);
    for (let at = q.offset; at < end; at += OGC_BATCH) {
      const rows = await query<{ feature: string }>(
        this.em,
        `select ${this.featureSql(collection, q.crs, q.scope)} from ${collection.from} ${where} order by ${collection.order} limit ? offset ?`,
        [...where.params, Math.min(OGC_BATCH, end - at), at],
      );
      features.push(...rows.map((r) => r.feature));
      if (rows.length < OGC_BATCH) break;
      await yieldToEventLoop();
    }
    return { features, numberMatched };
  }

  /** One feature by its id in the URL (parsed by the collection), or null when none has it. */
  async item(collection: OgcCollection, featureId: string, crs: Crs): Promise<string | null> {
    const id = collection.byId(featureId);
    const rows = await query<{ feature: string }>(
      this.em,
      `select ${this.featureSql(collection, crs, null)} from ${collection.from} where ${collection.base(null)} and ${id.sql}`,
      id.params,
    );
    return rows[0]?.feature ?? null;
  }

  /** The bounding box of a collection's geometries, [west, south, east, north] in CRS84 degrees; null when it has none. */
  async extent(collection: OgcCollection): Promise<[number, number, number, number] | null> {
    const [row] = await query<{ w: number | null; s: number; e: number; n: number }>(
      this.em,
      `select ${extentSql(collection.geometry(null))} from ${collection.from} where ${collection.base(null)}`,
    );
    return row && row.w !== null ? [row.w, row.s, row.e, row.n] : null;
  }

  /** The first and last day of the collection's features as RFC 3339 instants (`extent.temporal`); an end still open is null; null when no feature has a date. */
  async temporalExtent(collection: OgcCollection): Promise<[string | null, string | null] | null> {
    const [row] = await query<{ start: string | null; end: string | null }>(this.em, collection.temporal);
    if (!row || (row.start === null && row.end === null)) return null;
    const instant = (day: string | null) => (day === null ? null : `${day}T00:00:00Z`);
    return [instant(row.start), instant(row.end)];
  }
}
