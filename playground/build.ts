/**
 * Builds the playground into dist/playground: app.ts and GraphiQL's styles
 * bundled by esbuild from node_modules, plus index.html and the icon. Nothing is fetched
 * from a CDN, at build time or in the browser. Run by `npm start` and
 * `npm test` before they start (prestart/pretest), and by `npm run build`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const PLAYGROUND_DIR = path.join(here, "..", "dist", "playground");

const started = performance.now();
fs.mkdirSync(PLAYGROUND_DIR, { recursive: true });
await build({
  entryPoints: { app: path.join(here, "app.ts") },
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  // GraphiQL titles each icon after its component's name ("play icon"); minified names would read "jue icon".
  keepNames: true,
  outdir: PLAYGROUND_DIR,
  define: { "process.env.NODE_ENV": '"production"' },
  loader: { ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl" },
  logLevel: "warning",
});
await build({
  entryPoints: { app: path.join(here, "..", "node_modules", "graphiql", "dist", "style.css") },
  bundle: true,
  minify: true,
  outdir: PLAYGROUND_DIR,
  loader: { ".woff": "dataurl", ".woff2": "dataurl", ".ttf": "dataurl", ".svg": "dataurl" },
  logLevel: "warning",
});
for (const file of ["index.html", "favicon.svg"]) fs.copyFileSync(path.join(here, file), path.join(PLAYGROUND_DIR, file));
console.error(`playground built into ${path.relative(process.cwd(), PLAYGROUND_DIR)} in ${Math.round(performance.now() - started)} ms`);
