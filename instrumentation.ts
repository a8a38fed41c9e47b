export async function register() {
  // Runs at `next start` (never at build): migrate, secret, demo workspace.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { prepareDatabase } = await import("./lib/data/startup");
    await prepareDatabase();
  }
}
