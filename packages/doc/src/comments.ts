/**
 * The comments companion document (`<docId>:comments`) holds one root map of
 * threads. It is a separate Y.Doc so that a curator can write comments while
 * the content is read-only for them: the server grants write access per
 * document, and a whole document is simple to grant.
 */
export const COMMENTS_ROOT = "threads";
