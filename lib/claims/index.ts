// Public API of lib/claims: pure functions from article text to claim suggestions.
export { type Sentence, segmentSentences } from "./segment";
export {
  type Attribution,
  type AttributionContext,
  type Resolution,
  attributeSentence,
  attributeSentences,
  createAttributionContext,
  resolveMention,
} from "./attribution";
export {
  type NoComment,
  type PassageItem,
  detectNoComment,
  sameSide,
  uncommentedTargets,
} from "./no-comment";
export {
  BASE_SCORE,
  type Reason,
  type Score,
  type ScoreOptions,
  SUGGESTION_THRESHOLD,
  scoreSentence,
} from "./score";
export {
  type SuggestOptions,
  type Suggestion,
  editorStatement,
  statementFor,
  suggestClaims,
} from "./suggest";
export { splitParagraphs } from "./text";
export {
  type AddedVariant,
  BUILT_IN_VARIANTS,
  NAME_VARIANTS,
  VariantTable,
  canonicalName,
  nameVariants,
  sameName,
  searchVariants,
  variantKey,
  withNameVariants,
} from "./variants";
export { type Person, type SpeakerRegistry, buildRegistry, canonicalOrg } from "./speakers";
