/**
 * The playground: GET /graphql from a browser (it prefers HTML and sends no
 * query) gets the GraphQL IDE that playground/build.ts bundled into
 * dist/playground; its assets are served under /playground/. Other GETs and
 * every POST go on to the API.
 */
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import express, { type Router } from "express";
import Negotiator from "negotiator";
import { PROJECT_ROOT } from "../config.js";

export const PLAYGROUND_DIR = path.join(PROJECT_ROOT, "dist", "playground");

export interface Playground {
  /** Serves the page's scripts and styles under /playground/, and its icon as /favicon.ico. */
  assets: Router;
  /** Whether a request to /graphql is a browser opening the playground, not an API call. */
  wanted(req: IncomingMessage): boolean;
  sendPage(res: ServerResponse): void;
}

export function playground(): Playground {
  const pageFile = path.join(PLAYGROUND_DIR, "index.html");
  if (!fs.existsSync(pageFile)) {
    throw new Error(`the playground is not built (${path.relative(PROJECT_ROOT, pageFile)} is missing): run npm run build:playground, or set RAPPORT_PLAYGROUND=false`);
  }
  const page = fs.readFileSync(pageFile);
  const assets = express.Router();
  assets.use("/playground", express.static(PLAYGROUND_DIR, { index: false, maxAge: "1h" }));
  // Browsers ask for /favicon.ico whatever the page says; an SVG there is shown by every current browser.
  assets.get("/favicon.ico", (_req, res) => {
    res.type("image/svg+xml").set("cache-control", "public, max-age=86400").sendFile(path.join(PLAYGROUND_DIR, "favicon.svg"));
  });
  return {
    assets,
    wanted(req) {
      if (req.method !== "GET" || new URLSearchParams(req.url?.split("?")[1]).has("query")) return false;
      return new Negotiator(req).mediaType(["application/json", "application/graphql-response+json", "text/html"]) === "text/html";
    },
    sendPage(res) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", "content-length": page.length });
      res.end(page);
    },
  };
}
