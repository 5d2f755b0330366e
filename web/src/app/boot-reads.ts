/**
 * The API reads the first view waits for (programmes, partnerships, województwa), started by the page's small
 * entry (main.ts) before MapLibre and the app are even downloaded, so their answers are in by the time the
 * map can paint: the tiles are then laid out once, already coloured, instead of again when the colours come.
 */
import { fetchPartnerships, fetchProgrammes, fetchVoivodeships } from '../api/queries.js';
import type { PartnershipSummary, Programme } from '../api/types.js';

export type BootReads = Promise<[Programme[], PartnershipSummary[], { teryt: string; name: string }[]]>;

let started: BootReads | null = null;

/** The boot reads, started on the first call; later calls share them. A failed start is not kept, so a retry reads again. */
export function bootReads(): BootReads {
  if (!started) {
    const reads: BootReads = Promise.all([fetchProgrammes(), fetchPartnerships(), fetchVoivodeships()]);
    started = reads;
    reads.catch(() => {
      if (started === reads) started = null;
    });
  }
  return started;
}
