import { getTemplate } from "@karta/schema";
import type * as Y from "yjs";
import { META_ROOT } from "./roots.ts";

/**
 * One step from version `from` to `from + 1` of a template. Steps run on the
 * server when it loads a document, in one transaction whose update is stored
 * and broadcast like any other, so every replica converges on the new shape.
 */
type Step = (ydoc: Y.Doc) => void;

/** Adding sections (new roots) needs no data change: the step only records the new version. */
const additive: Step = () => {};

const STEPS: Record<string, Record<number, Step>> = {
  // v2 added the header sections (goal, tasks, targets, methods, timeline).
  "anti-risk-programme": { 1: additive },
  // v2 added the order's preamble, v3 the measures' «Статус» (a new column: absent keys are empty cells).
  "municipal-roadmap": { 1: additive, 2: additive },
};

/** The versions a document moved between, or null when it is already current. */
export interface Upgrade {
  readonly templateId: string;
  readonly from: number;
  readonly to: number;
}

/**
 * Brings a document stamped with an older template version up to the
 * current one. Throws if a step is missing (a template bumped its version
 * without saying how old documents follow) or the document is newer than
 * this code.
 */
export function upgradeDocument(ydoc: Y.Doc): Upgrade | null {
  const meta = ydoc.getMap<unknown>(META_ROOT);
  const templateId = meta.get("templateId");
  const from = meta.get("templateVersion");
  if (typeof templateId !== "string" || typeof from !== "number") return null;
  const template = getTemplate(templateId);
  if (!template || from === template.version) return null;
  if (from > template.version) throw new Error(`${templateId} v${from} is newer than this code (v${template.version})`);
  ydoc.transact(() => {
    for (let version = from; version < template.version; version++) {
      const step = STEPS[templateId]?.[version];
      if (!step) throw new Error(`no migration of ${templateId} from v${version}`);
      step(ydoc);
    }
    meta.set("templateVersion", template.version);
  });
  return { templateId, from, to: template.version };
}
