/**
 * The playground: GET /graphql from a browser (it accepts HTML and sends no
 * query) gets the GraphQL IDE that playground/build.ts bundled into
 * dist/playground; its assets are served under /playground/. Other GETs and
 * every POST go on to the API.
 */
import fs from "node:fs";
import path from "node:path";
import express, { type Router } from "express";
import { PROJECT_ROOT } from "../config.js";

export const PLAYGROUND_DIR = path.join(PROJECT_ROOT, "dist", "playground");

export function playgroundRouter(): Router {
  const page = path.join(PLAYGROUND_DIR, "index.html");
  if (!fs.existsSync(page)) {
    throw new Error(`the playground is not built (${path.relative(PROJECT_ROOT, page)} is missing): run npm run build:playground, or set RAPPORT_PLAYGROUND=false`);
  }
  const router = express.Router();
  router.use("/playground", express.static(PLAYGROUND_DIR, { index: false, maxAge: "1h" }));
  router.get("/graphql", (req, res, next) => {
    const fromBrowser = req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
    if (!fromBrowser || req.query.query !== undefined) return next();
    res.setHeader("cache-control", "no-cache");
    res.sendFile(page);
  });
  return router;
}
