// The words of the right of reply, built from the recorded dates: the line on the claim ("Asked
// Kyiv by e-mail on 1 Dec at 14:00, deadline 18:00, overdue by 2 h") and the newsroom sentence of
// the summary and exports, in the article's language ("Kyiv did not respond to a request for
// comment sent on 1 December at 14:00 by the time of publication"). Dates and times are read in
// the desk's time zone (TIME_ZONE, lib/env.ts). Pure: no server, no clock (callers pass `now`).
import { dateTimeFormat, dayOf, zoneOffsetMs } from "@/lib/dates/zoned";
import type { CommentChannel, ReplyOutcome } from "@/lib/review/model";

export type CommentState = "waiting" | "overdue" | "answered" | "declined";

/** What the wording needs of a request (CommentRequestView fits). */
export type RequestFacts = {
  party: string;
  channel: CommentChannel;
  askedAt: Date;
  deadline: Date;
  outcome: ReplyOutcome | null;
  repliedAt: Date | null;
};

/** waiting until the deadline, overdue from it on; answered or declined once a reply is logged. */
export function commentState(request: Pick<RequestFacts, "outcome" | "deadline">, now: Date): CommentState {
  if (request.outcome) return request.outcome;
  return now.getTime() >= request.deadline.getTime() ? "overdue" : "waiting";
}

/** How long past the deadline, in whole minutes (0 when not overdue). */
export function overdueMinutes(request: Pick<RequestFacts, "outcome" | "deadline">, now: Date): number {
  if (commentState(request, now) !== "overdue") return 0;
  return Math.floor((now.getTime() - request.deadline.getTime()) / 60_000);
}

/** "14:00" (en) / "14 h" or "14 h 30" (fr), in the zone. */
export function clockTime(at: Date, locale: string, timeZone: string): string {
  const parts = dateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "00";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  if (locale.startsWith("fr")) return minute === "00" ? `${Number(hour)} h` : `${Number(hour)} h ${minute}`;
  return `${hour}:${minute}`;
}

/** "1 December" / "1er décembre" (with the year when it is not the year of `reference`). */
export function dayMonth(at: Date, locale: string, timeZone: string, reference?: Date): string {
  const fr = locale.startsWith("fr");
  const sameYear = !reference || dayOf(reference, timeZone).slice(0, 4) === dayOf(at, timeZone).slice(0, 4);
  const formatter = dateTimeFormat(fr ? "fr-FR" : "en-GB", {
    timeZone,
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
  });
  return formatter
    .formatToParts(at)
    .map((part) => (fr && part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

/** "1 Dec" / "1 déc." for the compact line on the claim. */
export function shortDay(at: Date, locale: string, timeZone: string): string {
  return dateTimeFormat(locale.startsWith("fr") ? "fr-FR" : "en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
  }).format(at);
}

/** "2 h", "45 min", "1 d 3 h" / "1 j 3 h": a duration in the reader's words. */
export function durationWords(minutes: number, locale: string): string {
  const fr = locale.startsWith("fr");
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} ${fr ? "j" : "d"}${hours > 0 ? ` ${hours} h` : ""}`;
  if (hours > 0) return `${hours} h${mins > 0 && hours < 6 ? ` ${mins} min` : ""}`;
  return `${mins} min`;
}

const CHANNEL_WORDS: Record<"en" | "fr", Record<CommentChannel, string>> = {
  en: {
    email: "by e-mail",
    phone: "by phone",
    press_office: "through the press office",
    social: "on social media",
    in_person: "in person",
    other: "",
  },
  fr: {
    email: "par courriel",
    phone: "par téléphone",
    press_office: "auprès du service de presse",
    social: "sur les réseaux sociaux",
    in_person: "en personne",
    other: "",
  },
};

function lang(locale: string): "en" | "fr" {
  return locale.startsWith("fr") ? "fr" : "en";
}

/**
 * The line on the claim: "Asked Kyiv by e-mail on 1 Dec at 14:00, deadline 18:00, overdue by 2 h".
 * The deadline shows its day too when it is not the day of the request.
 */
export function requestLine(request: RequestFacts, locale: string, timeZone: string, now: Date): string {
  const l = lang(locale);
  const channel = CHANNEL_WORDS[l][request.channel];
  const asked = `${shortDay(request.askedAt, l, timeZone)} ${l === "fr" ? "à" : "at"} ${clockTime(request.askedAt, l, timeZone)}`;
  const sameDay = dayOf(request.askedAt, timeZone) === dayOf(request.deadline, timeZone);
  const deadline = sameDay
    ? clockTime(request.deadline, l, timeZone)
    : `${shortDay(request.deadline, l, timeZone)} ${l === "fr" ? "à" : "at"} ${clockTime(request.deadline, l, timeZone)}`;
  const state = commentState(request, now);
  const head =
    l === "fr"
      ? `${request.party} sollicité${channel ? ` ${channel}` : ""} le ${asked}, délai ${deadline}`
      : `Asked ${request.party}${channel ? ` ${channel}` : ""} on ${asked}, deadline ${deadline}`;
  if (state === "overdue") {
    const late = durationWords(overdueMinutes(request, now), l);
    return l === "fr" ? `${head}, en retard de ${late}` : `${head}, overdue by ${late}`;
  }
  if (state === "waiting") return l === "fr" ? `${head}, en attente` : `${head}, waiting`;
  const when = request.repliedAt
    ? `${shortDay(request.repliedAt, l, timeZone)} ${l === "fr" ? "à" : "at"} ${clockTime(request.repliedAt, l, timeZone)}`
    : "";
  if (state === "declined") {
    return l === "fr"
      ? `${head}, a refusé de commenter le ${when}`
      : `${head}, declined to comment on ${when}`;
  }
  return l === "fr" ? `${head}, a répondu le ${when}` : `${head}, replied on ${when}`;
}

/**
 * The newsroom sentence for the silent party of an `uncommented` verdict, in the article's
 * language, from the first request to that party (or the one that was declined):
 * "Kyiv did not respond to a request for comment sent on 1 December at 14:00 by the time of
 * publication" / "Kyiv n'avait pas répondu à notre sollicitation, envoyée le 1er décembre à 14 h,
 * au moment de la publication"; "Kyiv declined to comment" / "Kyiv a refusé de commenter".
 * Null when the party was never asked (the claim's own silent party then stands alone).
 */
export function noCommentSentence(
  party: string,
  requests: readonly RequestFacts[],
  language: string,
  timeZone: string,
  publishedAt?: Date,
): string | null {
  const l = lang(language);
  const mine = requests.filter(
    (r) => r.party.trim().toLocaleLowerCase() === party.trim().toLocaleLowerCase(),
  );
  if (mine.length === 0) return null;
  const declined = mine.find((r) => r.outcome === "declined");
  if (declined) return l === "fr" ? `${party} a refusé de commenter` : `${party} declined to comment`;
  const first = [...mine].sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())[0]!;
  const day = dayMonth(first.askedAt, l, timeZone, publishedAt);
  const time = clockTime(first.askedAt, l, timeZone);
  return l === "fr"
    ? `${party} n'avait pas répondu à notre sollicitation, envoyée le ${day} à ${time}, au moment de la publication`
    : `${party} did not respond to a request for comment sent on ${day} at ${time} by the time of publication`;
}

/**
 * A wall-clock time typed in a form ("2026-12-01T14:00", read in the desk's zone) or an ISO time
 * with its offset ("2026-12-01T13:00:00Z") as an instant; null when it is neither.
 */
export function parseTimeInput(value: string, timeZone: string): Date | null {
  const trimmed = value.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(trimmed);
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1).map((v) => Number(v ?? 0)) as number[];
    const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
    const check = new Date(wall);
    if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59) return null;
    const first = wall - zoneOffsetMs(wall, timeZone);
    return new Date(wall - zoneOffsetMs(first, timeZone));
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) return null;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** "2026-12-01T14:00" in the zone: the value of a datetime-local field for an instant. */
export function timeInputValue(at: Date, timeZone: string): string {
  const ms = at.getTime() + zoneOffsetMs(at.getTime(), timeZone);
  return new Date(ms).toISOString().slice(0, 16);
}

/** A reply as exports list it: "Kyiv, 1 December at 16:00, by e-mail" / "Kyiv, 1er décembre à 16 h, par courriel". */
export function replyHeading(
  reply: { party: string; repliedAt: Date; channel: CommentChannel; outcome: ReplyOutcome },
  language: string,
  timeZone: string,
): string {
  const l = lang(language);
  const when = `${dayMonth(reply.repliedAt, l, timeZone)} ${l === "fr" ? "à" : "at"} ${clockTime(reply.repliedAt, l, timeZone)}`;
  const channel = CHANNEL_WORDS[l][reply.channel];
  const declined =
    reply.outcome === "declined" ? (l === "fr" ? " (refus de commenter)" : " (declined to comment)") : "";
  return `${reply.party}, ${when}${channel ? `, ${channel}` : ""}${declined}`;
}
