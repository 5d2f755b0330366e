import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../auth/guard.js';
import { Role } from '../auth/role.js';
import type { Context } from '../graphql/context.js';
import { ImportResult } from './import-types.js';
import { PartnershipImportService } from './partnership-import.service.js';

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportResult, {
    description:
      'Import memberships from CSV (one row per membership: partnership, teryt, role, joined, left, programme, status, source; "," or ";"). ' +
      'The file is the whole member list of each partnership it names. dryRun: the exact diff, nothing written. Otherwise all or nothing. ' +
      'A "version" column (as the export writes it) older than the partnership is a CONFLICT. Files over 1 MB: POST text/csv to /import/partnerships',
  })
  async importPartnerships(
    @Arg('csv', { description: 'The CSV file as text (UTF-8, with or without BOM, or windows-1250), header row first; columns partnership, teryt and source are required, role, joined, left, programme, status and version optional (Polish names such as partnerstwo, rola, źródło are accepted too)' })
    csv: string,
    @Arg('dryRun', { description: 'true: report the changes without writing anything' }) dryRun: boolean, @Ctx() ctx: Context): Promise<ImportResult> {
    const actor = requireRole(await ctx.actor(), Role.EDITOR);
    return new PartnershipImportService(ctx.em).run(actor, csv, dryRun);
  }
}
