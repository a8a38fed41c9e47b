// Calendar days and weeks of the newsroom's time zone (TIME_ZONE), as UTC milliseconds. The one
// implementation lives in lib/dates/zoned.ts (shared with the exports); these names stay for the
// search and insights code that imports them from here.
export { dayOf, endOfDay, lastWeeks, startOfDay, weekStart, zoneOffsetMs } from "@/lib/dates/zoned";
