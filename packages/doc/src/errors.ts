/** A write the template does not allow; `code` is stable for UI messages. */
export class DocumentWriteError extends Error {
  constructor(
    readonly code: "unknown-row" | "unknown-column" | "derived-column" | "locked-column" | "invalid-value",
    message: string,
  ) {
    super(message);
    this.name = "DocumentWriteError";
  }
}
