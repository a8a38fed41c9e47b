import "server-only";
// Sends one e-mail through SMTP_URL. Each step (connect, greeting, every reply) has a deadline
// (SMTP_TIMEOUT_MS), so a server that hangs fails the attempt instead of holding the worker.
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

let cached: { key: string; transport: Transporter } | null = null;

function transport(): Transporter {
  const env = getEnv();
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set");
  const key = `${env.SMTP_URL}\u0000${env.SMTP_TIMEOUT_MS}`;
  if (cached?.key === key) return cached.transport;
  cached?.transport.close();
  const timeout = env.SMTP_TIMEOUT_MS;
  // Parsed here: given as `url`, nodemailer's own parse would override the timeouts.
  const url = new URL(env.SMTP_URL);
  const secure = url.protocol === "smtps:";
  const made = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
  });
  cached = { key, transport: made };
  return made;
}

export type Mail = { to: string; subject: string; text: string; html: string; lang: string };

export async function sendMail(mail: Mail): Promise<void> {
  await transport().sendMail({
    from: getEnv().SMTP_FROM,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { "Content-Language": mail.lang, "Auto-Submitted": "auto-generated" },
  });
}
