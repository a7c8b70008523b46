import type { UserIdentity } from "./identity.ts";

/** A round badge with a person's initials in their colour. */
export function Avatar({ user, title }: { readonly user: UserIdentity; readonly title?: string }) {
  return (
    <span className="k-avatar" style={{ background: user.color }} title={title ?? user.name}>
      {user.initials}
    </span>
  );
}
