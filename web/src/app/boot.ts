/** The first load: programmes, partnerships and województwa from the API, then the first paint and camera. */
import { fetchMapColours, fetchPartnerships, fetchProgrammes, fetchVoivodeships } from '../api/queries.js';
import { replace } from '../ui/dom.js';
import { loadFailure } from '../ui/retry.js';
import type { PartnershipSummary } from '../api/types.js';
import type { PartnershipFacts } from '../map/colouring.js';
import type { AppContext } from './context.js';
import type { Camera } from './map.js';

/**
 * Loads the boot data into `ctx.data`; on failure says so in the status line with a button that
 * calls `retry`, and resolves false.
 */
export async function loadBootData(ctx: AppContext, retry: () => void): Promise<boolean> {
  const { ui } = ctx;
  ui.status.removeAttribute('role');
  ui.status.textContent = ctx.t().loading;
  try {
    const [progs, parts, voivodeships, slots] = await Promise.all([fetchProgrammes(), fetchPartnerships(ctx.store.get().asOf ?? null), fetchVoivodeships(), fetchMapColours(), ctx.view.ready]);
    ctx.data.programmes = progs;
    ctx.data.slots = slots;
    ctx.data.summaries = parts;
    ctx.data.voivodeshipNames = voivodeships.map((v): [string, string] => [v.teryt, v.name.toLocaleLowerCase('pl')]);
  } catch (err) {
    replace(ui.status, loadFailure(ctx.t(), err, retry));
    return false;
  }
  ctx.data.facts = factsOf(ctx.data.summaries);
  return true;
}

/** What the colouring needs of each partnership (the województwa are filled in when a filter asks). */
export function factsOf(summaries: PartnershipSummary[]): PartnershipFacts[] {
  return summaries.map((p) => ({
    slug: p.slug, legalForm: p.legalForm, areaType: p.areaType, bbox: p.functionalArea.bbox,
    participations: p.participations.map((x) => ({ status: x.status, programme: x.programme.code })),
    voivodeships: [],
  }));
}

/** Without a camera in the URL, frames the selection of the URL (or else its województwo, if any) at once. */
export async function frameInitialSelection(ctx: AppContext, camera: Camera): Promise<void> {
  const s = ctx.store.get();
  if (s.center) return;
  const area = s.gmina ?? s.voivodeship;
  const bbox = s.partnership ? camera.partnershipBbox(s.partnership) : area ? await camera.gminaBbox(area) : null;
  if (bbox) ctx.view.fitBbox(bbox, false);
}
