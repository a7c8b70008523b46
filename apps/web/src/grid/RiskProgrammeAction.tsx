import type { RowSnapshot } from "@karta/doc";
import { antiRiskProgramme, riskProfile, riskProgrammeTitle } from "@karta/schema";
import { useCallback, useState } from "react";
import { rememberDocument } from "../api/documentCache.ts";
import { createDocument, fetchDocument, fetchDocumentsOf } from "../api/documentsApi.ts";
import { failureMessage } from "../api/http.ts";
import { useResource } from "../api/useResource.ts";
import { messages } from "../messages.ts";
import { navigate } from "../router/navigation.ts";
import { documentPath } from "../router/routes.ts";
import { showToast } from "../ui/toasts.ts";

/** The risk profile's column that marks a factor for its own programme (DOMAIN §1). */
const CHOSEN_COLUMN = "chosen";
const FACTOR_COLUMN = "factor";

/** Whether a table is a risk profile's factors, where the action belongs. */
export function offersRiskProgramme(templateId: string, tableId: string): boolean {
  return templateId === riskProfile.id && riskProfile.tables.some((t) => t.id === tableId);
}

export interface RiskProgrammeActionProps {
  /** The risk profile's document id. */
  readonly documentId: string;
  /** The row the selection starts in, if any. */
  readonly row: RowSnapshot | undefined;
  readonly readOnly: boolean;
}

/**
 * «Создать антирисковую программу» for the selected factor of a risk
 * profile (DOMAIN §1 → §4), once it is marked «Выбран для антирисковой
 * программы»: the server creates the programme for the profile's school and
 * year, prefilled from the factor (and from last year's programme of the
 * factor, if there was one), and the page moves to it. A factor that
 * has its programme already says «Открыть антирисковую программу» and opens it.
 */
export function RiskProgrammeAction({ documentId, row, readOnly }: RiskProgrammeActionProps) {
  const [busy, setBusy] = useState(false);
  const chosen = row?.cells[CHOSEN_COLUMN] === true;
  const factor = row?.cells[FACTOR_COLUMN];
  // The profile's school and year's programmes: a factor that has one opens it.
  const { state } = useResource(
    useCallback(
      async (signal: AbortSignal) => {
        const profile = await fetchDocument(documentId, signal);
        return { year: profile.year, programmes: await fetchDocumentsOf(profile.organisationId, profile.year, signal) };
      },
      [documentId],
    ),
  );
  const existing =
    state.status === "ready" && typeof factor === "string"
      ? state.data.programmes.find((d) => d.template === antiRiskProgramme.id && d.title === riskProgrammeTitle(factor))
      : undefined;
  const disabled = busy || !row || !chosen || (readOnly && !existing);

  const create = async () => {
    if (disabled) return;
    if (existing) {
      navigate(documentPath(existing.id));
      return;
    }
    setBusy(true);
    try {
      const created = await createDocument({
        template: antiRiskProgramme.id,
        // The server titles it after the factor; the title here only satisfies the request's shape.
        title: typeof factor === "string" && factor.trim() ? factor : antiRiskProgramme.title,
        // Last year's programme of the factor, if the school had one, is where this one starts.
        fromRiskFactor: {
          documentId,
          rowId: row.id,
          ...(state.status === "ready" ? { copyFrom: state.data.year - 1 } : {}),
        },
      });
      rememberDocument(created);
      navigate(documentPath(created.id));
    } catch (error) {
      showToast(failureMessage(error, messages.riskProgramme.failed), "error");
      setBusy(false);
    }
  };

  return (
    <button
      type="button"
      className="k-tool k-tool-primary"
      data-testid="create-risk-programme"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => void create()}
      disabled={disabled}
      title={
        !chosen
          ? messages.riskProgramme.notChosen
          : existing
            ? messages.yearlyCycle.openProgrammeHint
            : messages.riskProgramme.hint
      }
    >
      {busy
        ? messages.riskProgramme.creating
        : existing
          ? messages.yearlyCycle.openProgramme
          : messages.riskProgramme.create}
    </button>
  );
}
