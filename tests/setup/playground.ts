/**
 * Builds the playground's assets (playground/build.ts) before any test server
 * starts, since every server serves them outside production.
 */
export default async function setup(): Promise<void> {
  await import("../../playground/build.js");
}
