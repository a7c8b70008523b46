import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { Link } from "../router/Link.tsx";
import { scrollAfterRender } from "./jump.ts";

type JumpLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { readonly to: string };

/** A link within «Мониторинг» (or out of it): navigates in place and scrolls to the `#…` it names. */
export function JumpLink({ to, onClick, ...rest }: JumpLinkProps) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    scrollAfterRender(to);
  };
  return <Link to={to} onClick={handleClick} {...rest} />;
}
