import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@karta/schema";
import { messages } from "../messages.ts";

/** What is wrong with a new password typed twice, or null when it will do. */
export function passwordProblem(password: string, repeat: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return messages.invite.tooShort(MIN_PASSWORD_LENGTH);
  if (password.length > MAX_PASSWORD_LENGTH) return messages.invite.tooLong(MAX_PASSWORD_LENGTH);
  if (password !== repeat) return messages.invite.mismatch;
  return null;
}
