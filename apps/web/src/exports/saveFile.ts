import type { DownloadedFile } from "../api/exportsApi.ts";

/** Hands a downloaded file to the browser's own «save» (a link with `download`, clicked once). */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the address is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
