import { type DirectoryEntry, directoryEntry } from "@karta/schema";
import { apiRequest } from "../../api/http.ts";

const entries = directoryEntry.array();
let loaded: Promise<DirectoryEntry[]> | null = null;

/**
 * The people a user may pick for «Ответственные» (GET /api/people/directory),
 * asked once per page load and shared by every picker; a failure is not
 * kept, so the next picker asks again.
 */
export function loadPeopleDirectory(): Promise<DirectoryEntry[]> {
  if (!loaded) {
    loaded = apiRequest("/api/people/directory", entries);
    loaded.catch(() => {
      loaded = null;
    });
  }
  return loaded;
}
