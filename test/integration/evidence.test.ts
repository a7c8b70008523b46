import fs from "node:fs";
import path from "node:path";
import type { EvidenceJson } from "@karta/schema";
import { MAX_EVIDENCE_BYTES } from "@karta/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoReportPdf } from "../../server/src/demo/demoEvidence.ts";
import { evidenceSamples } from "../../server/src/evidence/evidenceSamples.ts";
import { authed, connectClient, login, postJson } from "../support/clients.ts";
import { type EventStreamClient, openEventStream } from "../support/eventStream.ts";
import { type ServerProcess, startServerProcess } from "../support/serverProcess.ts";

/**
 * Evidence on a measure (issue 11, item 2) against the real server over HTTP:
 * school5 attaches a PDF, the curator downloads the same bytes and accepts it;
 * nobody outside the document reads a file; what is not an accepted type by
 * its bytes, or is over the limit, is refused with a sentence in Russian and
 * leaves nothing on disk.
 */
describe("evidence", () => {
  let server: ServerProcess;
  const secrets: Record<string, string> = {};
  let docId = "";
  let school7DocId = "";
  let rowId = "";
  let samples: Record<string, Uint8Array>;

  const api = (who: string, pathname: string, init: RequestInit = {}) =>
    fetch(`${server.httpUrl}${pathname}`, authed(secrets[who] ?? "", init));
  const evidenceUrl = (doc = docId) => `/api/documents/${doc}/evidence`;
  const upload = (who: string, bytes: Uint8Array, name: string, options: { doc?: string; row?: string } = {}) =>
    api(
      who,
      `${evidenceUrl(options.doc)}/files?${new URLSearchParams({ table: "measures", row: options.row ?? rowId, name })}`,
      // What the client claims is never believed: every file says it is a PDF.
      { method: "POST", headers: { "content-type": "application/pdf" }, body: new Uint8Array(bytes) },
    );
  const list = async (who: string, doc = docId) => {
    const res = await api(who, evidenceUrl(doc));
    expect(res.status).toBe(200);
    return (await res.json()) as EvidenceJson[];
  };
  const messageOf = async (res: Response) => ((await res.json()) as { message: string }).message;
  /** The files kept under DATA_DIR/evidence (temporary ones apart). */
  const keptFiles = () =>
    fs
      .readdirSync(path.join(server.dataDir, "evidence"), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(path.join(server.dataDir, "evidence"), path.join(e.parentPath, e.name)));

  beforeAll(async () => {
    server = await startServerProcess();
    samples = await evidenceSamples();
    for (const who of ["school5", "curator", "coordinator", "viewer", "coordinator-seversky", "methodist"]) {
      secrets[who] = await login(server.httpUrl, who);
    }
    const listed = (await (await api("coordinator", "/api/documents")).json()) as {
      id: string;
      organisationId: string;
      template: string;
    }[];
    const programme = (school: string) =>
      listed.find((d) => d.organisationId === school && d.template === "anti-risk-programme")?.id ?? "";
    docId = programme("slav-sosh-5");
    school7DocId = programme("slav-oosh-7");
    const client = await connectClient(server.syncUrl, docId, secrets.school5 ?? "");
    rowId = client.table().rows()[2]?.id ?? "";
    client.destroy();

    // A member of another school's team (МБОУ ООШ № 7), invited by the coordinator.
    const invited = await api(
      "coordinator",
      "/api/people",
      postJson({
        fullName: "Сидорова Ольга Ивановна",
        position: "заместитель директора по УВР",
        organisationId: "slav-oosh-7",
        login: "school7",
        role: "school_team",
      }),
    );
    expect(invited.status).toBe(201);
    const { invitation } = (await invited.json()) as { invitation: { path: string } };
    const accepted = await fetch(
      `${server.httpUrl}/api/invitations/${invitation.path.replace("/invite/", "")}`,
      postJson({ password: "Школа-семь-2022" }),
    );
    expect(accepted.status).toBe(200);
    secrets.school7 = await login(server.httpUrl, "school7", "Школа-семь-2022");
  });
  afterAll(async () => {
    await server.stop();
  });

  it("has the demo's evidence: an accepted PDF and a link on the first measure of school5's programme", async () => {
    const demo = await list("school5");
    expect(demo.map((e) => [e.kind, e.review?.verdict ?? null])).toEqual([
      ["file", "accepted"],
      ["link", null],
    ]);
    expect(demo[0]?.review?.by.name).toBe("Кравец Андрей Петрович");
    const file = await api("viewer", `${evidenceUrl()}/${demo[0]?.id}/file`);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(demoReportPdf());
  });

  it("school5 attaches a PDF; the curator downloads the same bytes and marks it «принято», heard live", async () => {
    const stream: EventStreamClient = await openEventStream(server.httpUrl, docId, secrets.school5 ?? "");
    try {
      await stream.next((e) => e.event === "summary", "the stream's first summary");
      const pdf = samples.pdf as Uint8Array;
      const res = await upload("school5", pdf, "Протокол педсовета.pdf");
      expect(res.status).toBe(201);
      const added = (await res.json()) as EvidenceJson;
      expect(added).toMatchObject({
        kind: "file",
        table: "measures",
        rowId,
        name: "Протокол педсовета.pdf",
        size: pdf.byteLength,
        mediaType: "application/pdf",
        uploadedBy: { name: "Лысенко Марина Ивановна" },
        review: null,
      });
      await stream.next((e) => e.event === "evidence", "an evidence event after the upload");
      expect((await list("curator")).map((e) => e.id)).toContain(added.id);

      const download = await api("curator", `${evidenceUrl()}/${added.id}/file`);
      expect(download.status).toBe(200);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
      expect(download.headers.get("content-type")).toBe("application/pdf");
      expect(download.headers.get("x-content-type-options")).toBe("nosniff");
      const disposition = download.headers.get("content-disposition") ?? "";
      expect(disposition).toMatch(/^attachment; /);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? "")).toBe("Протокол педсовета.pdf");

      const reviewUrl = `${evidenceUrl()}/${added.id}/review`;
      // The school does not judge its own evidence; «не принято» needs its reason.
      expect((await api("school5", reviewUrl, postJson({ verdict: "accepted" }))).status).toBe(403);
      expect((await api("viewer", reviewUrl, postJson({ verdict: "accepted" }))).status).toBe(403);
      const noReason = await api("curator", reviewUrl, postJson({ verdict: "rejected", reason: "  " }));
      expect(noReason.status).toBe(400);
      expect(await messageOf(noReason)).toBe("Укажите, почему документ не принят.");
      const accepted = await api("curator", reviewUrl, postJson({ verdict: "accepted" }));
      expect(accepted.status).toBe(200);
      await stream.next((e) => e.event === "evidence", "an evidence event after the review");
      const seen = (await list("school5")).find((e) => e.id === added.id);
      expect(seen?.review).toMatchObject({ verdict: "accepted", reason: "", by: { name: "Кравец Андрей Петрович" } });

      // A methodist of the municipality may say «не принято» with a reason; the last verdict stands.
      const rejected = await api("methodist", reviewUrl, postJson({ verdict: "rejected", reason: "Нет подписи" }));
      expect(rejected.status).toBe(200);
      expect(((await rejected.json()) as EvidenceJson).review).toMatchObject({
        verdict: "rejected",
        reason: "Нет подписи",
      });

      const journal = (await (await api("coordinator", "/api/audit?limit=500")).json()) as {
        action: string;
        details: string;
      }[];
      const actions = journal.map((e) => e.action);
      expect(actions).toContain("evidence-attached");
      expect(actions).toContain("evidence-reviewed");
    } finally {
      stream.close();
    }
  });

  it("answers 403 to a reader of another school, and to anyone outside the document, for the list and the file", async () => {
    const [first] = await list("school5");
    const file = `${evidenceUrl()}/${first?.id}/file`;
    for (const who of ["school7", "coordinator-seversky"]) {
      const refused = await api(who, file);
      expect(refused.status, who).toBe(403);
      expect(await messageOf(refused)).toBe("У вас нет доступа к подтверждающим документам этого документа.");
      expect((await api(who, evidenceUrl())).status, who).toBe(403);
      expect((await upload(who, samples.pdf as Uint8Array, "чужое.pdf")).status, who).toBe(403);
    }
    expect((await fetch(`${server.httpUrl}${file}`)).status).toBe(401);
    expect((await api("school5", "/api/documents/no-such-document/evidence")).status).toBe(404);
    expect((await api("school5", `${evidenceUrl()}/no-such-evidence/file`)).status).toBe(404);
    // The school's own people, the curator and the municipality read it.
    for (const who of ["school5", "curator", "coordinator", "viewer"]) expect((await api(who, file)).status).toBe(200);
  });

  it("refuses an executable renamed .pdf, a ZIP, HTML and a file over the limit, with a message, keeping nothing", async () => {
    const before = keptFiles();
    const count = (await list("school5")).length;
    for (const kind of ["elf", "exe", "zip", "html"]) {
      const refused = await upload("school5", samples[kind] as Uint8Array, "Справка.pdf");
      expect(refused.status, kind).toBe(415);
      expect(await messageOf(refused)).toBe(
        "Такой файл прикрепить нельзя: принимаются только PDF, DOCX, XLSX, ODT, JPG и PNG. Тип проверяется по содержимому файла, а не по его имени.",
      );
    }
    const tooLargeMessage = "Файл больше 20 МБ и не может быть прикреплён. Сожмите его или разделите на части.";
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(samples.pdf as Uint8Array);
    const declared = await upload("school5", big, "Большой.pdf");
    expect(declared.status).toBe(413);
    expect(await messageOf(declared)).toBe(tooLargeMessage);

    // No Content-Length (chunked): counted as it arrives, refused once past the limit. The body stops
    // half a limit past it, inside what the server reads and discards before it cuts a sender off
    // (a longer one races that cut: the client's write then fails, EPIPE, before it reads the answer).
    let sent = 0;
    const chunked = await fetch(
      `${server.httpUrl}${evidenceUrl()}/files?${new URLSearchParams({ table: "measures", row: rowId, name: "Поток.pdf" })}`,
      authed(secrets.school5 ?? "", {
        method: "POST",
        body: new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= MAX_EVIDENCE_BYTES * 1.5) return controller.close();
            const chunk = new Uint8Array(1024 * 1024);
            if (sent === 0) chunk.set(samples.pdf as Uint8Array);
            sent += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
        duplex: "half",
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(await messageOf(chunked)).toBe(tooLargeMessage);
    // It may have to be cut off, so it is not offered for the next request (which would be reset).
    expect(chunked.headers.get("connection")).toBe("close");

    expect(keptFiles()).toEqual(before);
    expect(keptFiles().filter((f) => f.startsWith("tmp"))).toEqual([]);
    expect(await list("school5")).toHaveLength(count);
  });

  it("accepts DOCX, XLSX, ODT, JPG and PNG by their bytes, whatever they are called, and keeps equal bytes once", async () => {
    const types: Record<string, string> = {};
    for (const kind of ["docx", "xlsx", "odt", "jpg", "png"]) {
      const res = await upload("school5", samples[kind] as Uint8Array, `файл-${kind}.pdf`);
      expect(res.status, kind).toBe(201);
      types[kind] = ((await res.json()) as EvidenceJson).mediaType ?? "";
    }
    expect(types).toEqual({
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      odt: "application/vnd.oasis.opendocument.text",
      jpg: "image/jpeg",
      png: "image/png",
    });
    const before = keptFiles().length;
    expect((await upload("school5", samples.png as Uint8Array, "ещё раз.png")).status).toBe(201);
    expect(keptFiles()).toHaveLength(before);
  });

  it("adds and removes links and files only as an editor, from the app's own origin", async () => {
    const link = await api(
      "school5",
      `${evidenceUrl()}/links`,
      postJson({ table: "measures", rowId, url: "https://sosh5.example.ru/news/42", title: "Новость" }),
    );
    expect(link.status).toBe(201);
    const added = (await link.json()) as EvidenceJson;
    expect(added).toMatchObject({ kind: "link", name: "Новость", url: "https://sosh5.example.ru/news/42", size: null });
    const script = await api(
      "school5",
      `${evidenceUrl()}/links`,
      postJson({ table: "measures", rowId, url: "javascript:alert(1)" }),
    );
    expect(script.status).toBe(400);
    expect(await messageOf(script)).toMatch(/http:\/\/ или https:\/\//);
    expect((await api("school5", `${evidenceUrl()}/${added.id}/file`)).status).toBe(404);

    for (const who of ["curator", "viewer", "coordinator"]) {
      expect((await upload(who, samples.pdf as Uint8Array, "x.pdf")).status, who).toBe(403);
      expect((await api(who, `${evidenceUrl()}/${added.id}`, { method: "DELETE" })).status, who).toBe(403);
    }
    const elsewhere = await api(
      "school5",
      `${evidenceUrl()}/files?${new URLSearchParams({ table: "measures", row: rowId, name: "x.pdf" })}`,
      { method: "POST", headers: { origin: "http://127.0.0.1:1" }, body: new Uint8Array(samples.pdf as Uint8Array) },
    );
    expect(elsewhere.status).toBe(403);
    const noTable = await api(
      "school5",
      `${evidenceUrl()}/files?${new URLSearchParams({ table: "nothing", row: rowId, name: "x.pdf" })}`,
      { method: "POST", body: new Uint8Array(samples.pdf as Uint8Array) },
    );
    expect(noTable.status).toBe(400);

    expect((await api("school5", `${evidenceUrl()}/${added.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await list("curator")).map((e) => e.id)).not.toContain(added.id);
    expect((await api("school5", `${evidenceUrl()}/${added.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("changes no evidence while the document is on agreement, but the curator still reviews", async () => {
    const attached = await upload("school7", samples.pdf as Uint8Array, "Справка.pdf", { doc: school7DocId, row: "r" });
    expect(attached.status).toBe(201);
    const { id } = (await attached.json()) as EvidenceJson;
    const submitted = await api(
      "school7",
      `/api/documents/${school7DocId}/transitions`,
      postJson({ action: "submit" }),
    );
    expect(submitted.status).toBe(200);
    const locked = await upload("school7", samples.pdf as Uint8Array, "Ещё.pdf", { doc: school7DocId, row: "r" });
    expect(locked.status).toBe(409);
    expect(await messageOf(locked)).toMatch(/на согласовании/);
    expect((await api("school7", `${evidenceUrl(school7DocId)}/${id}`, { method: "DELETE" })).status).toBe(409);
    const review = await api(
      "curator",
      `${evidenceUrl(school7DocId)}/${id}/review`,
      postJson({ verdict: "rejected", reason: "Не тот документ" }),
    );
    expect(review.status).toBe(200);
    // And school5 never sees school 7's evidence.
    expect((await api("school5", evidenceUrl(school7DocId))).status).toBe(403);
  });
});
