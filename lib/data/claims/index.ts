// Claims, one job a file: reading views, editing, review decisions, history events, speakers.
import "server-only";
export {
  getClaimById,
  listClaimsForArticle,
  toViews,
  type ClaimView,
  type PersonRef,
  type SourceView,
} from "./views";
export { createClaim, deleteClaim, updateClaim } from "./edit";
export { approveClaim, returnClaim, setReviewTaken, submitClaim, submitRatedClaims } from "./review";
export { getClaimHistory, type HistoryEntry } from "./events";
export { reopenClaim, withdrawApproval } from "./reopen";
export { listSpeakers } from "./speakers";
