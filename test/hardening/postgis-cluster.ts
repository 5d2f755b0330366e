import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const BIN = '/usr/lib/postgresql/15/bin';

/**
 * The data directory of the test cluster, found the way test/support/start-postgis.sh picks it:
 * PGDATA_TEST, else /tmp/atlas-postgis-<port>, the port being PGPORT_TEST or TEST_DATABASE_URL's.
 */
export function clusterDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PGDATA_TEST) return env.PGDATA_TEST;
  const port = env.PGPORT_TEST ?? (env.TEST_DATABASE_URL ? new URL(env.TEST_DATABASE_URL).port : '') ?? '';
  return `/tmp/atlas-postgis-${port || '55432'}`;
}

/** Restarts the test cluster (fast shutdown: open connections are cut), waiting until it is up again. */
export async function restartCluster(): Promise<void> {
  const dir = clusterDataDir();
  // The server's output goes to its log file, as at start: it must not hold on to our pipes.
  const args = ['-D', dir, '-l', path.join(dir, 'server.log'), 'restart', '-m', 'fast', '-w'];
  const asRoot = process.getuid?.() === 0;
  const child = spawn(asRoot ? 'runuser' : `${BIN}/pg_ctl`, asRoot ? ['-u', 'postgres', '--', `${BIN}/pg_ctl`, ...args] : args, { stdio: 'ignore', timeout: 60_000 });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`pg_ctl restart of ${dir} exited with ${code}`);
}

/** The pids of the test cluster: the postmaster (first line of postmaster.pid) and its children (backends, workers). */
function clusterPids(): number[] {
  const postmaster = Number(readFileSync(path.join(clusterDataDir(), 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after its ')'.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false; // exited meanwhile
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

/**
 * Freezes the whole test cluster (SIGSTOP to the postmaster and every backend): connections stay
 * open but nothing answers, as with a hung server or a network partition. Returns the thaw.
 */
export function freezeCluster(): () => void {
  const pids = clusterPids();
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  return () => {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone: nothing to thaw
      }
    }
  };
}
