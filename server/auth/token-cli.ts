import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { withDatabase } from '../db/cli-session.js';
import { Role } from './role.js';
import { TokenService } from './token.service.js';

const USAGE = `usage:
  npm run token -- create --role editor|admin --name <name> [--voivodeships 02,04]
  npm run token -- revoke --name <name>
  npm run token -- list`;

/** `npm run token -- …`: create, revoke and list API tokens. The secret is printed once, at creation. */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, voivodeships: { type: 'string' } },
  });
  const command = positionals[0];
  if (!command || !['create', 'revoke', 'list'].includes(command) || (command !== 'list' && !values.name)) {
    console.error(USAGE);
    return 2;
  }
  // Whoever can open the database may manage tokens; the history names them as the import CLI does.
  const by = `cli:${userInfo().username}`;
  return withDatabase(async (em) => {
    const tokens = new TokenService(em);
    if (command === 'create') {
      const role = (values.role ?? '').toUpperCase() as Role;
      const voivodeships = values.voivodeships ? values.voivodeships.split(',').map((v) => v.trim()).filter(Boolean) : null;
      const created = await tokens.create(values.name!, role, voivodeships, by);
      console.log(`created ${created.role.toLowerCase()} token "${created.name}"${created.voivodeships ? ` for województwa ${created.voivodeships.join(', ')}` : ''}`);
      console.log(`secret (shown once; send it as "Authorization: Bearer <secret>"):\n${created.secret}`);
    } else if (command === 'revoke') {
      await tokens.revoke(values.name!, by);
      console.log(`revoked token "${values.name}"`);
    } else {
      for (const t of await tokens.list()) {
        console.log(`${t.name}\t${t.role}\t${t.voivodeships?.join(',') ?? 'all'}\t${t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active'}`);
      }
    }
    return 0;
  });
}

process.exitCode = await main();
