// Every server action and route handler of the app, found in the code itself: files under app/
// that start with "use server" and what they export, and every route.ts with its HTTP methods.
// Nothing here is a hand-kept list, so a new endpoint shows up in the tests that use it.
import fs from "node:fs";
import path from "node:path";
import { isMethodAnswer } from "@/lib/http";

const ROOT = process.cwd();
const SOURCE = /\.(ts|tsx|js|jsx|mjs)$/;
const TEST = /\.test\.(ts|tsx)$/;
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ServerAction = {
  /** "file#export", the key of the expectations table. */
  key: string;
  file: string;
  name: string;
  fn: (...args: unknown[]) => Promise<unknown>;
};

export type RouteHandler = {
  key: string;
  file: string;
  method: HttpMethod;
  /** The URL path of the route, with [params] as in the folder names. */
  route: string;
  handler: (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
};

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(full);
    return SOURCE.test(entry.name) && !TEST.test(entry.name) ? [full] : [];
  });
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join("/");
}

/** Strips comments, so that a directive is found only where it really is. */
function code(file: string): string {
  return fs
    .readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

const FILE_DIRECTIVE = /^\s*(["'])use server\1;?/;

/** Files under app/ whose first statement is "use server": every export is a server action. */
export function serverActionFiles(): string[] {
  return walk(path.join(ROOT, "app"))
    .filter((file) => FILE_DIRECTIVE.test(code(file)))
    .map(relative)
    .sort();
}

/**
 * Files with "use server" anywhere but as their first statement (an inline server action inside a
 * component or function, or a "use server" file outside app/). These cannot be enumerated by
 * importing a module, so the matrix refuses them: move the action into an actions.ts under app/.
 */
export function unenumerableServerActions(): string[] {
  const inApp = new Set(serverActionFiles());
  return ["app", "components", "lib"]
    .flatMap((dir) => walk(path.join(ROOT, dir)))
    .filter((file) => /(["'])use server\1/.test(code(file)) && !inApp.has(relative(file)))
    .map(relative)
    .sort();
}

export async function loadServerActions(): Promise<ServerAction[]> {
  const actions: ServerAction[] = [];
  for (const file of serverActionFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") {
        throw new Error(
          `${file} exports ${name}, which is not a function: a "use server" file may export only actions.`,
        );
      }
      actions.push({ key: `${file}#${name}`, file, name, fn: value as ServerAction["fn"] });
    }
  }
  return actions.sort((a, b) => a.key.localeCompare(b.key));
}

export function routeFiles(): string[] {
  return walk(path.join(ROOT, "app"))
    .filter((file) => /^route\.(ts|tsx|js|mjs)$/.test(path.basename(file)))
    .map(relative)
    .sort();
}

/** "app/(app)/articles/[id]/export/route.ts" → "/articles/[id]/export" (route groups dropped). */
export function routePath(file: string): string {
  const segments = path
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}

/**
 * Every route handler. The handlers made by otherMethods() (lib/api/handler.ts), which only answer
 * 405 or OPTIONS, the same to everyone and touching nothing, come with `methodAnswers: true` only.
 */
export async function loadRouteHandlers({ methodAnswers = false } = {}): Promise<RouteHandler[]> {
  const handlers: RouteHandler[] = [];
  for (const file of routeFiles()) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      const handler = mod[method];
      if (typeof handler !== "function") continue;
      if (isMethodAnswer(handler) !== methodAnswers) continue;
      handlers.push({
        key: `${file}#${method}`,
        file,
        method,
        route: routePath(file),
        handler: handler as RouteHandler["handler"],
      });
    }
  }
  return handlers.sort((a, b) => a.key.localeCompare(b.key));
}
