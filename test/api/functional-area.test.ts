import { describe, expect, it } from '@jest/globals';
import { Jst } from '../../server/jst/jst.entity.js';
import { Membership } from '../../server/partnership/membership.entity.js';
import { MemberRole } from '../../server/partnership/partnership-enums.js';
import { Partnership } from '../../server/partnership/partnership.entity.js';
import { query } from '../../server/db/sql.js';
import { testBackends } from '../support/database.js';
import { useSeededApi } from '../support/seeded-api.js';

const AREA = `query($slug: String!) { partnership(slug: $slug) { members { jst { teryt areaKm2 } } functionalArea { areaKm2 memberCount bbox } } }`;

describe.each(testBackends())('functional areas on $name', ({ database }) => {
  const seeded = useSeededApi(database);

  it.each(['gzm', 'aglomeracja-opolska', 'bialostocki-obszar-funkcjonalny', 'blisko-krakowa'])(
    'equals the union of the members of %s: its area is the sum of theirs within 0.5%%',
    async (slug) => {
      const { partnership } = await seeded.api.data(AREA, { slug });
      const sum = partnership.members.reduce((acc: number, m: { jst: { areaKm2: number } }) => acc + m.jst.areaKm2, 0);
      expect(partnership.functionalArea.memberCount).toBe(partnership.members.length);
      expect(Math.abs(partnership.functionalArea.areaKm2 - sum) / sum).toBeLessThan(0.005);
    },
  );

  it('covers exactly the members: every member lies inside, no outside gmina overlaps it', async () => {
    const rows = await query<{ teryt: string; inside: boolean; member: boolean }>(
      seeded.db.em(),
      `select j.teryt, ST_Area(ST_Intersection(j.boundary, p.area)::geography) / ST_Area(j.boundary::geography) > 0.99 as inside,
              exists (select 1 from membership m where m.partnership_id = p.id and m.jst_teryt = j.teryt) as member
       from partnership p join jst j on j.level = 'MUNICIPALITY' and ST_Intersects(j.boundary, p.area)
       where p.slug = 'aglomeracja-opolska'`,
    );
    expect(rows.filter((r) => r.member).every((r) => r.inside)).toBe(true);
    expect(rows.filter((r) => !r.member && r.inside)).toEqual([]);
  });

  it('leaves out members that have left (Poznań left GOAP on 1 January 2022)', async () => {
    const data = await seeded.api.data(`{ partnership(slug: "goap") { members { jst { teryt } } all: members(includeFormer: true) { left jst { teryt } } functionalArea { memberCount } } }`);
    const p = data.partnership;
    expect(p.all.find((m: { jst: { teryt: string } }) => m.jst.teryt === '3064011')?.left).toBe('2022-01-01');
    expect(p.members.map((m: { jst: { teryt: string } }) => m.jst.teryt)).not.toContain('3064011');
    expect(p.functionalArea.memberCount).toBe(p.members.length);
  });

  it('follows membership changes at once: a gmina joins, then leaves', async () => {
    const before = (await seeded.api.data(AREA, { slug: 'blisko-krakowa' })).partnership.functionalArea;
    const em = seeded.db.em();
    const partnership = await em.findOneOrFail(Partnership, { slug: 'blisko-krakowa' });
    const joining = await em.findOneOrFail(Jst, { teryt: '1206032' }); // Czernichów, a neighbour in powiat krakowski
    const membership = em.create(Membership, { partnership, jst: joining, role: MemberRole.MEMBER, sources: [{ ref: 'https://example.org/test' }] });
    await em.flush();

    const joined = (await seeded.api.data(AREA, { slug: 'blisko-krakowa' })).partnership.functionalArea;
    expect(joined.memberCount).toBe(before.memberCount + 1);
    expect(joined.areaKm2).toBeCloseTo(before.areaKm2 + joining.areaKm2, 0);

    membership.left = '2020-01-01';
    await em.flush();
    const left = (await seeded.api.data(AREA, { slug: 'blisko-krakowa' })).partnership.functionalArea;
    expect(left.memberCount).toBe(before.memberCount);
    expect(left.areaKm2).toBeCloseTo(before.areaKm2, 3);

    em.remove(membership);
    await em.flush();
    const removed = (await seeded.api.data(AREA, { slug: 'blisko-krakowa' })).partnership.functionalArea;
    expect(removed).toEqual(before);
  });

  it('does not let a województwo taking part stretch the area over the whole region', async () => {
    const data = await seeded.api.data(`{ partnership(slug: "lodzki-obszar-metropolitalny") { functionalArea { areaKm2 } } woj: jst(teryt: "10") { areaKm2 } }`);
    expect(data.partnership.functionalArea.areaKm2).toBeLessThan(data.woj.areaKm2 / 2);
  });
});
