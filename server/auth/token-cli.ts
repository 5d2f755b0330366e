// First: on a Node too old for the dependencies, stop with one clear line before they load.
import '../node-version.js';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { CliUsageError, localServerUrl, runCli, withDatabase, type CliOwner } from '../db/cli-session.js';
import { Role } from './role.js';
import { TokenService } from './token.service.js';

const USAGE =
  'usage: npm run token -- create --role editor|admin --name <name> [--voivodeships 02,04] | revoke --name <name> | list';

type Command = 'create' | 'revoke' | 'list';

interface Args {
  command: Command;
  name?: string;
  role?: string;
  voivodeships: string[] | null;
}

/** Reads the arguments, refusing bad ones before the database is opened. */
function readArgs(): Args {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, name: { type: 'string' }, voivodeships: { type: 'string' } },
  });
  const [command, ...extra] = positionals;
  if (!command || !['create', 'revoke', 'list'].includes(command)) throw new CliUsageError(`${command ? `unknown command "${command}"` : 'no command'}; ${USAGE}`);
  if (extra.length) throw new CliUsageError(`unexpected argument "${extra[0]}"; ${USAGE}`);
  if (command !== 'list' && !values.name) throw new CliUsageError(`${command} needs --name; ${USAGE}`);
  if (command === 'create' && !values.role) throw new CliUsageError(`create needs --role editor or --role admin; ${USAGE}`);
  const voivodeships = values.voivodeships ? values.voivodeships.split(',').map((v) => v.trim()).filter(Boolean) : null;
  return { command: command as Command, name: values.name, role: values.role, voivodeships };
}

/** The GraphQL call that does the same through a running server (writes need an admin token). */
function apiEquivalent({ command, name, role, voivodeships }: Args): string {
  const q = (s: string | undefined) => JSON.stringify(s ?? '');
  const operation =
    command === 'create'
      ? `mutation { createToken(name: ${q(name)}, role: ${(role ?? '').toUpperCase()}${voivodeships ? `, voivodeships: ${JSON.stringify(voivodeships)}` : ''}) { secret } }`
      : command === 'revoke'
        ? `mutation { revokeToken(name: ${q(name)}) }`
        : '{ tokens { name role voivodeships revokedAt } }';
  return `POST ${localServerUrl()}/graphql with "Authorization: Bearer <admin token>" and the query ${JSON.stringify(operation)}`;
}

function owner(args: Args): CliOwner {
  return {
    command: `npm run token -- ${args.command}`,
    hint: `Use the API of the running server instead: ${apiEquivalent(args)}; or stop the server and run this command again (the first admin token can only be made that way).`,
  };
}

/** `npm run token -- …`: create, revoke and list API tokens. The secret is printed once, at creation. */
async function main(): Promise<number> {
  const args = readArgs();
  // Whoever can open the database may manage tokens; the history names them as the import CLI does.
  const by = `cli:${userInfo().username}`;
  return withDatabase(owner(args), async (em) => {
    const tokens = new TokenService(em);
    if (args.command === 'create') {
      const created = await tokens.create(args.name!, (args.role ?? '').toUpperCase() as Role, args.voivodeships, by);
      console.log(`created ${created.role.toLowerCase()} token "${created.name}"${created.voivodeships ? ` for województwa ${created.voivodeships.join(', ')}` : ''}`);
      console.log(`secret (shown once; send it as "Authorization: Bearer <secret>"):\n${created.secret}`);
    } else if (args.command === 'revoke') {
      await tokens.revoke(args.name!, by);
      console.log(`revoked token "${args.name}"`);
    } else {
      for (const t of await tokens.list()) {
        console.log(`${t.name}\t${t.role}\t${t.voivodeships?.join(',') ?? 'all'}\t${t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active'}`);
      }
    }
    return 0;
  });
}

await runCli(main);
