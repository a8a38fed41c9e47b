// npm run user -- add --email E --name N --role R  |  list  |  token --email E --name N  |  --help
import { parseArgs } from "node:util";
import { createAccountAtConsole } from "@/lib/data/accounts";
import { closeDb, prepareDb } from "@/lib/data/connection";
import { createToken } from "@/lib/data/tokens";
import { listUsers, normaliseEmail } from "@/lib/data/users";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isRole, ROLES } from "@/lib/review";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/account";
import { createTranslator } from "next-intl";
import { describeFieldError, type Translate } from "@/lib/errors/text";
import { loadMessages } from "@/lib/i18n/messages";

const HELP = `Manage Claim Desk accounts (database: DATABASE_PATH, default data/claimdesk.db).

Usage:
  npm run user -- add --email E --name N --role R
      Creates an account. R is one of: ${ROLES.join(", ")}.
      The password is read from stdin when one is piped in (at least ${PASSWORD_MIN_LENGTH}
      characters: echo 'a-long-secret' | npm run user -- add ...); otherwise one is generated
      and printed once. Recorded in the admin audit, as on the admin page.
  npm run user -- list
      Lists the accounts: email, name, role, active.
  npm run user -- token --email E --name N
      Creates an API token named N for the account E and prints it once, alone on
      standard output (TOKEN=$(npm run -s user -- token --email E --name N)).
      It acts with the account's role; revoke it under Settings → API tokens.
  npm run user -- --help
      Shows this help.
`;

// The field errors of the data layer are message keys: said in English, as the admin page says them.
const english = createTranslator({ locale: "en", messages: loadMessages("en") }) as unknown as Translate;

function describe(error: Error): string {
  if (!(error instanceof AppError) || !error.fieldErrors) return error.message;
  const lines = Object.entries(error.fieldErrors).map(([field, keys]) => {
    const words = keys.map((key) => describeFieldError(english, key));
    return `  ${field === "_" ? "password" : field}: ${words.join(" ")}`;
  });
  return [error.message, ...lines].join("\n");
}

async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  return text.length > 0 ? text : null;
}

async function main(argv: string[]): Promise<number> {
  // PostgreSQL migrates here (SQLite when the file is first opened).
  if (getEnv().DATABASE_URL) await prepareDb();
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return values.help ? 0 : 1;
  }
  if (command === "list") {
    const users = await listUsers();
    if (users.length === 0) console.log("No accounts yet.");
    for (const u of users) {
      console.log(
        `${u.email.padEnd(32)} ${u.name.padEnd(24)} ${u.role.padEnd(9)} ${u.active ? "active" : "deactivated"}`,
      );
    }
    return 0;
  }
  if (command === "add") {
    const { email, name, role } = values;
    if (!email || !name || !role) {
      console.error("add needs --email, --name and --role. See --help.");
      return 1;
    }
    if (!isRole(role)) {
      console.error(`Unknown role "${role}". Use one of: ${ROLES.join(", ")}.`);
      return 1;
    }
    const piped = await readStdin();
    // The admin page's function: the same checks, and the creation recorded in the admin audit.
    const { account, password } = await createAccountAtConsole({
      input: { email, name, role, ...(piped === null ? {} : { password: piped }) },
    });
    console.log(`Created ${account.role} ${account.email} (${account.name}).`);
    if (piped === null) console.log(`Password (shown once): ${password}`);
    return 0;
  }
  if (command === "token") {
    const { email, name } = values;
    if (!email || !name?.trim()) {
      console.error("token needs --email and a non-blank --name. See --help.");
      return 1;
    }
    const user = (await listUsers()).find((u) => u.email === normaliseEmail(email));
    if (!user) {
      console.error(`No account with the email ${normaliseEmail(email)}.`);
      return 1;
    }
    // Run on the server by whoever administers the desk: the token is created as the account itself.
    const { token, view } = await createToken({ actor: { id: user.id, role: user.role }, input: { name } });
    console.error(
      `Created the API token "${view.name}" (${view.prefix}) for ${user.email}, ${user.role}. Shown once:`,
    );
    console.log(token);
    return 0;
  }
  console.error(`Unknown command "${command}". See --help.`);
  return 1;
}

main(process.argv.slice(2))
  .then((code) => {
    closeDb();
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    closeDb();
    console.error(error instanceof AppError || error instanceof TypeError ? describe(error) : error);
    process.exitCode = 1;
  });
