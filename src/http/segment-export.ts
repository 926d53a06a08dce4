/**
 * Outreach lists for the email tool, for EDITORs and above:
 *   GET /segments/:id/export.csv    a people segment's members now, ranked like
 *                                   prospects: email, name, title, company,
 *                                   domain, score, why (its strongest reasons);
 *                                   a company segment's companies (a trigger
 *                                   list) with the best contact at each;
 *   GET /snapshots/:id/export.csv   a snapshot's frozen members: email, name,
 *                                   title, company, domain.
 * With `Accept: application/json`, the same rows as a JSON array. Rows stream
 * from Neo4j through the CSV writer to the client with backpressure, so a
 * large list never sits in this process's memory whole.
 */
import { randomUUID } from "node:crypto";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import express, { type Request, type Response, type Router } from "express";
import type { Authenticate } from "../auth/authenticate.js";
import { createRequestContext, type ContextSettings } from "../context.js";
import type { Db } from "../db/run.js";
import { AppError, ErrorCode } from "../errors.js";
import { prospectsPage, prospectsReadViewer, type ProspectRow } from "../filters/prospects.js";
import { companiesExport } from "../filters/statements.js";
import { companyWhereTopics, personWhereTopics } from "../filters/topic-ids.js";
import type { Logger } from "../logger.js";
import { readCheckingPeople, requirePeople } from "../services/existence.js";
import { everyoneScored, readMatching } from "../services/prospect-ranking.js";
import { reasonsOf } from "../services/reasons.js";
import { companyFilter, peopleFilter } from "../services/segments.js";
import { restErrors } from "./rest-errors.js";
import { signedIn } from "./sign-in.js";

const MEMBER_COLUMNS = ["email", "name", "title", "company", "domain"] as const;
const RANKED_COLUMNS = [...MEMBER_COLUMNS, "score", "why"] as const;
const COMPANY_COLUMNS = ["domain", "name", "industry", "contactEmail", "contactName", "contactTitle", "connection"] as const;
/** More members than any list a team mails; the statement ranks within this bound. */
const MAX_EXPORTED = 1_000_000;
/** How long an export's one read may stream: ranking a whole workspace takes far longer than a request's query. */
const EXPORT_TIMEOUT_MS = 300_000;
const REASONS_IN_WHY = 3;

export function segmentExportRouter({ authenticate, db, logger, settings }: { authenticate: Authenticate; db: Db; logger: Logger; settings: ContextSettings }): Router {
  const router = express.Router();
  const context = async (req: Request) =>
    createRequestContext(db, randomUUID(), await signedIn(authenticate, req, "EDITOR", "exporting a list"), settings);

  router.get("/segments/:id/export.csv", async (req, res, next) => {
    try {
      const ctx = await context(req);
      const segment = await ctx.loaders.segmentById.load(req.params.id);
      if (!segment) throw new AppError(ErrorCode.NOT_FOUND, "no segment has that id");
      const where = peopleFilter(segment);
      const scoredAt = ctx.requestedAt;
      // A company export ranks contacts by their connection to the viewer, so it always reads the viewer.
      const scope = await ctx.scope(where ? prospectsReadViewer(where) : true, where ? personWhereTopics(where) : companyWhereTopics(companyFilter(segment)!));
      let exported: number;
      if (where) {
        const page = prospectsPage(where, scope, MAX_EXPORTED, { scoredAt, after: null });
        const matching = await readCheckingPeople(page.matching.personIds, ctx, () => readMatching(ctx.db, page));
        const rows = ctx.db.stream({ ...everyoneScored(page, matching), name: "filters/prospects-export" }, EXPORT_TIMEOUT_MS);
        exported = await send(req, res, `segment-${segment.id}`, RANKED_COLUMNS, rows, (row) => rankedRecord(row, scoredAt));
      } else {
        const statement = companiesExport(companyFilter(segment)!, scope);
        await requirePeople(statement.personIds, ctx);
        exported = await send(req, res, `segment-${segment.id}`, COMPANY_COLUMNS, ctx.db.stream(statement, EXPORT_TIMEOUT_MS), (row) => row);
      }
      logger.info({ workspace: ctx.workspace, segment: segment.id, rows: exported }, "exported a segment");
    } catch (error) {
      next(error);
    }
  });

  router.get("/snapshots/:id/export.csv", async (req, res, next) => {
    try {
      const ctx = await context(req);
      const snapshot = await ctx.loaders.snapshotById.load(req.params.id);
      if (!snapshot) throw new AppError(ErrorCode.NOT_FOUND, "no snapshot has that id");
      const rows = ctx.db.stream("segment/snapshot-export", EXPORT_TIMEOUT_MS, { workspace: ctx.workspace, id: snapshot.id });
      const exported = await send(req, res, `snapshot-${snapshot.id}`, MEMBER_COLUMNS, rows, (row) => row);
      logger.info({ workspace: ctx.workspace, snapshot: snapshot.id, rows: exported }, "exported a snapshot");
    } catch (error) {
      next(error);
    }
  });

  router.use(restErrors("the request limit", logger));
  return router;
}

function rankedRecord(row: ProspectRow, scoredAt: string): Record<string, unknown> {
  const { item: person, employer } = row;
  const why = reasonsOf(row, scoredAt).slice(0, REASONS_IN_WHY).map((reason) => reason.summary).join("; ");
  return { email: person.email, name: person.name, title: person.title, company: employer?.name, domain: employer?.domain, score: row.score, why };
}

/** Streams the rows as CSV (with a header) or, when the client accepts JSON, as a JSON array; resolves to the row count. */
async function send<R>(
  req: Request, res: Response, name: string, columns: readonly string[],
  rows: AsyncIterable<R>, toRecord: (row: R) => Record<string, unknown>,
): Promise<number> {
  let count = 0;
  const records = Readable.from((async function* () {
    for await (const row of rows) {
      count += 1;
      yield toRecord(row);
    }
  })());
  if (req.accepts(["text/csv", "application/json"]) === "application/json") {
    res.type("application/json");
    await pipeline(records, jsonArray(columns), res);
  } else {
    res.type("text/csv").setHeader("content-disposition", `attachment; filename="${name}.csv"`);
    await pipeline(records, stringify({ header: true, columns: [...columns] }), res);
  }
  return count;
}

/** Records → a JSON array text, one record at a time, keeping only the columns. */
function jsonArray(columns: readonly string[]): Transform {
  let first = true;
  return new Transform({
    writableObjectMode: true,
    transform(record: Record<string, unknown>, _encoding, done) {
      const picked = Object.fromEntries(columns.map((column) => [column, record[column] ?? null]));
      done(null, `${first ? "[" : ","}\n${JSON.stringify(picked)}`);
      first = false;
    },
    flush(done) {
      done(null, first ? "[]" : "\n]");
    },
  });
}
