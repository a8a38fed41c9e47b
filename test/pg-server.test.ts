// What the PostgreSQL half of `npm test` does on a machine without PostgreSQL's binaries: as root
// with apt-get it installs Debian's package (as .ci/run does); otherwise, or when the install
// fails, it stops with an error that says exactly what to install.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INSTALL_HINT, postgresBinaries } from "./pg-server";

let dir: string;
let savedPgBin: string | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-pgbin-"));
  savedPgBin = process.env.PG_BIN;
  delete process.env.PG_BIN;
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (savedPgBin === undefined) delete process.env.PG_BIN;
  else process.env.PG_BIN = savedPgBin;
});

/** What apt-get would leave behind: initdb and pg_ctl in `bin`. */
function fakeInstall(bin: string): void {
  fs.mkdirSync(bin, { recursive: true });
  for (const name of ["initdb", "pg_ctl"])
    fs.writeFileSync(path.join(bin, name), "#!/bin/sh\n", { mode: 0o755 });
}

describe("finding PostgreSQL's binaries", () => {
  it("says what to install when they are missing and we are not root", () => {
    let installs = 0;
    const attempt = () =>
      postgresBinaries({
        dirs: [path.join(dir, "17", "bin")],
        root: false,
        hasAptGet: () => true,
        install: () => installs++,
      });
    expect(attempt).toThrow(INSTALL_HINT);
    expect(INSTALL_HINT).toContain("apt-get install -y postgresql");
    expect(INSTALL_HINT).toContain("PG_BIN");
    expect(installs).toBe(0);
  });

  it("says what to install as root on a machine without apt-get", () => {
    const attempt = () =>
      postgresBinaries({
        dirs: [path.join(dir, "bin")],
        root: true,
        hasAptGet: () => false,
        install: () => {},
      });
    expect(attempt).toThrow(INSTALL_HINT);
  });

  it("installs them as root with apt-get, then uses them", () => {
    const bin = path.join(dir, "15", "bin");
    let installs = 0;
    const found = postgresBinaries({
      dirs: [path.join(dir, "17", "bin"), bin],
      root: true,
      hasAptGet: () => true,
      install: () => {
        installs++;
        fakeInstall(bin);
      },
    });
    expect(found).toBe(bin);
    expect(installs).toBe(1);
  });

  it("says what to install when apt-get fails (no network, no package)", () => {
    const attempt = () =>
      postgresBinaries({
        dirs: [path.join(dir, "bin")],
        root: true,
        hasAptGet: () => true,
        install: () => {
          throw new Error("E: Unable to locate package postgresql");
        },
      });
    expect(attempt).toThrow(
      /apt-get failed \(E: Unable to locate package postgresql\)\. PostgreSQL tests need/,
    );
  });

  it("takes PG_BIN first, and installs nothing when the binaries are there", () => {
    const bin = path.join(dir, "custom");
    fakeInstall(bin);
    process.env.PG_BIN = bin;
    let installs = 0;
    expect(postgresBinaries({ dirs: [], root: true, hasAptGet: () => true, install: () => installs++ })).toBe(
      bin,
    );
    delete process.env.PG_BIN;
    const debian = path.join(dir, "16", "bin");
    fakeInstall(debian);
    expect(postgresBinaries({ dirs: [debian], root: false, install: () => installs++ })).toBe(debian);
    expect(installs).toBe(0);
  });
});
