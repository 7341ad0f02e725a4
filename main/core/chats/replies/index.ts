export { matchButton, UNSURE_ANSWER, type ButtonMatch } from './buttons';
export { classifyMessage, parseClassification, type ClassifyInput, type ClassifyResult } from './classify';
export { draftReply, type DraftReplyInput, type ReplyDraft, type ReplyNoteCode } from './draft';
export { classifyByRules, replyKinds, type Classification, type IncomingMessage, type ReplyKind } from './rules';
