// Every call of a server action from the browser goes through callAction: a call that never gets
// an answer (the network dropped, the server fell over) becomes a failure like any refusal, with
// the reason "network", instead of a rejected promise nobody handles. What the caller hid
// optimistically it shows again, and it offers to try again (see NoticeLine's retry).
import { networkFailure, type ActionResult, type Failure } from "@/lib/errors";

export { networkFailure };

export async function callAction<T>(call: () => Promise<T>): Promise<T | Failure> {
  try {
    return await call();
  } catch (error) {
    console.error(error);
    return networkFailure();
  }
}

/** True for the failures worth trying again as they are (no answer, or the server failed). */
export function isRetryable(result: ActionResult<unknown> | Failure | { ok: boolean }): boolean {
  return !result.ok && "code" in result && (result.code === "unavailable" || result.code === "internal");
}
