import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { AppHeader } from "../ui/AppHeader.tsx";
import "./document.css";

/** A page that only says something and offers the way back to the list. */
export function PageMessage({ text }: { readonly text: string }) {
  return (
    <div className="k-list-page">
      <AppHeader />
      <div className="k-page-message" role="alert" data-testid="page-message">
        <p>{text}</p>
        <Link to="/">{messages.document.backToList}</Link>
      </div>
    </div>
  );
}
