// Empty on purpose. Without a file of its own, the Turbopack build of this app (whose root is the
// desk's, for node_modules) picks up the desk's instrumentation.ts and its database start-up.
export function register(): void {}
