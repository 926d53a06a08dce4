/**
 * Contacts from address books: vCard 3.0 and 4.0 (`.vcf`, as Google and
 * Apple contacts export them), folded lines included, parsed by ical.js. The
 * file is cut into cards at their BEGIN:VCARD lines only to know where each
 * starts (its line is how a problem is reported); each card is parsed whole.
 */
import ICAL from "ical.js";
import { setField, type ContactItem, type ContactRow } from "./contact-row.js";

/** The file's cards as rows; vCard files are address books, read whole. */
export function* readVCards(text: string): Generator<ContactItem> {
  let any = false;
  for (const card of cardsOf(text)) {
    any = true;
    let component: ICAL.Component;
    try {
      component = new ICAL.Component(ICAL.parse(card.text) as unknown[]);
    } catch (error) {
      yield { problem: { line: card.line, column: null, message: `not a readable vCard: ${(error as Error).message}` } };
      continue;
    }
    yield { row: rowOf(component, card.line) };
  }
  if (!any) yield { problem: { line: 0, column: null, message: "no BEGIN:VCARD in the file" } };
}

function cardsOf(text: string): { line: number; text: string }[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const cards: { line: number; text: string }[] = [];
  let start = -1;
  lines.forEach((line, index) => {
    if (/^BEGIN:VCARD\s*$/i.test(line)) start = index;
    if (/^END:VCARD\s*$/i.test(line) && start >= 0) {
      cards.push({ line: start + 1, text: `${lines.slice(start, index + 1).join("\r\n")}\r\n` });
      start = -1;
    }
  });
  return cards;
}

function rowOf(card: ICAL.Component, line: number): ContactRow {
  const row: ContactRow = { line, fields: {} };
  const first = (name: string): unknown => preferred(card.getAllProperties(name))?.getFirstValue();
  const n = first("n");
  if (Array.isArray(n)) {
    setField(row, "lastName", String(n[0] ?? ""), "N");
    setField(row, "firstName", String(n[1] ?? ""), "N");
  }
  setField(row, "name", stringOf(first("fn")), "FN");
  setField(row, "email", stringOf(first("email"))?.replace(/^mailto:/i, ""), "EMAIL");
  const org = first("org");
  setField(row, "company", Array.isArray(org) ? String(org[0] ?? "") : stringOf(org), "ORG");
  setField(row, "title", stringOf(first("title")), "TITLE");
  const adr = first("adr");
  if (Array.isArray(adr)) {
    setField(row, "city", String(adr[3] ?? ""), "ADR");
    setField(row, "country", String(adr[6] ?? ""), "ADR");
  }
  // A card's URL is often a personal site; only a LinkedIn profile identifies the person.
  const linkedIn = (name: string) => card.getAllProperties(name).map((p) => stringOf(p.getFirstValue())).find((url) => url !== undefined && /linkedin\./i.test(url));
  const social = linkedIn("x-socialprofile");
  setField(row, "profileUrl", social ?? linkedIn("url"), social !== undefined ? "X-SOCIALPROFILE" : "URL");
  return row;
}

/** The property marked preferred (PREF=1 in 4.0, TYPE=pref in 3.0), else the first. */
function preferred(properties: ICAL.Property[]): ICAL.Property | undefined {
  const isPreferred = (p: ICAL.Property) => {
    const type = p.getParameter("type");
    return p.getParameter("pref") === "1" || (Array.isArray(type) ? type : [type]).some((t) => String(t).toLowerCase() === "pref");
  };
  return properties.find(isPreferred) ?? properties[0];
}

function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
