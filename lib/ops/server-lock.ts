// Marks a database as in use by a running server: one file per server process, named by its pid,
// in "<database>.servers/". Written at start (instrumentation.ts), removed when the process exits.
// A server killed with SIGKILL leaves its file behind; a file whose process is gone is ignored.
import fs from "node:fs";
import path from "node:path";

export function serverLockDirectory(databasePath: string): string {
  return `${path.resolve(databasePath)}.servers`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Records this process as serving `databasePath` until it exits. */
export function registerRunningServer(databasePath: string, pid = process.pid): () => void {
  const dir = serverLockDirectory(databasePath);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, String(pid));
  fs.writeFileSync(file, `${new Date().toISOString()}\n`);
  const release = () => {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // Exiting anyway; a stale file is recognised by its dead pid.
    }
  };
  process.once("exit", release);
  return () => {
    process.removeListener("exit", release);
    release();
  };
}

/** The pids of live server processes using `databasePath`; stale files are removed on the way. */
export function runningServers(databasePath: string): { pids: number[]; directory: string } {
  const directory = serverLockDirectory(databasePath);
  let names: string[];
  try {
    names = fs.readdirSync(directory);
  } catch {
    return { pids: [], directory };
  }
  const pids: number[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    if (isAlive(pid)) pids.push(pid);
    else fs.rmSync(path.join(directory, name), { force: true });
  }
  return { pids, directory };
}
