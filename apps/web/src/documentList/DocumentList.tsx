import { type DocumentSummary, getTemplate } from "@karta/schema";
import { DocumentCommentCounts } from "../comments/DocumentCommentCounts.tsx";
import { WorkflowStatus } from "../document/WorkflowControls.tsx";
import { messages } from "../messages.ts";
import { Link } from "../router/Link.tsx";
import { documentPath } from "../router/routes.ts";
import { groupByOrganisation } from "./groupByOrganisation.ts";

const dateFormat = new Intl.DateTimeFormat("ru-RU", { day: "2-digit", month: "2-digit", year: "numeric" });

/** Documents grouped by organisation: title, template and year of each. */
export function DocumentList({
  documents,
  canCreate,
}: {
  readonly documents: readonly DocumentSummary[];
  readonly canCreate: boolean;
}) {
  if (documents.length === 0) {
    return <p className="k-empty">{canCreate ? messages.documents.emptyCanCreate : messages.documents.empty}</p>;
  }
  return (
    <div className="k-doc-groups">
      {groupByOrganisation(documents).map((group) => (
        <section
          key={group.organisation}
          className="k-doc-group"
          data-testid="organisation-group"
          data-organisation={group.organisation}
        >
          <h2 className="k-doc-group-title">
            {group.organisation}{" "}
            <span className="k-doc-group-count">{messages.documents.count(group.documents.length)}</span>
          </h2>
          <ul className="k-doc-items">
            {group.documents.map((doc) => (
              <li key={doc.id}>
                <Link to={documentPath(doc.id)} className="k-doc-item" data-testid="document-link">
                  <span className="k-doc-item-title">{doc.title}</span>
                  <span className="k-doc-item-meta">
                    <span className="k-chip">
                      {getTemplate(doc.template)?.title ?? doc.templateTitle ?? messages.documents.unknownTemplate}
                    </span>
                    <WorkflowStatus summary={doc} />
                    <span>{messages.documents.year(doc.year)}</span>
                    <span>{messages.documents.updatedAt(formatDate(doc.updatedAt))}</span>
                    <AccessLabel access={doc.access} />
                    <DocumentCommentCounts counts={doc.comments} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** «только чтение», «комментирование»: said only when the user may not edit. */
function AccessLabel({ access }: { readonly access: DocumentSummary["access"] }) {
  const label = messages.documents.accessLabel[access];
  if (!label) return null;
  return (
    <span
      className={`k-access k-access-${access}`}
      data-testid="access-label"
      title={messages.documents.accessHint[access]}
    >
      {label}
    </span>
  );
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}
