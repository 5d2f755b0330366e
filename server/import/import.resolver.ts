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
  async importPartnerships(@Arg('csv') csv: string, @Arg('dryRun') dryRun: boolean, @Ctx() ctx: Context): Promise<ImportResult> {
    const actor = requireRole(await ctx.actor(), Role.EDITOR);
    return new PartnershipImportService(ctx.em).run(actor, csv, dryRun);
  }
}
