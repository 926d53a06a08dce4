import { describe, expect, it } from "vitest";
import { companyNameKey, profileKey } from "../../../src/graph-document/normalize.js";
import { parseMapping } from "../../../src/ingest/contacts/contact-row.js";
import { contactDate } from "../../../src/ingest/contacts/contact-records.js";
import type { ContactField, ContactsFormat } from "../../../src/ingest/contacts/contact-row.js";
import { openContacts, recogniseFormat } from "../../../src/ingest/contacts/contacts-source.js";

/** The rows and problems a file is read into, in the order of the file. */
async function readContacts(text: string, format: ContactsFormat, mapping: ReadonlyMap<string, ContactField>) {
  const file = await openContacts(text, format, mapping);
  const [rows, problems] = [[] as unknown[], [] as unknown[]];
  for await (const item of file.rows()) (item.row ? rows : problems).push(item.row ?? item.problem);
  return { rows: rows as { line: number; fields: Record<string, { value: string } | undefined> }[], problems: problems as { line: number }[] };
}

describe("recognising a contacts file", () => {
  it("tells vCard, LinkedIn (notes above the header) and other CSV apart", () => {
    expect(recogniseFormat("\uFEFFBEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n")).toBe("vcard");
    expect(recogniseFormat('Notes:\n"Some emails are missing, see https://x"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n')).toBe("linkedin");
    expect(recogniseFormat("First Name;Last Name;Email\n")).toBe("csv");
  });
});

describe("reading CSV", () => {
  it("numbers rows by the line they start on, notes, header, blank lines and quoted newlines counted", async () => {
    const text = 'Notes:\r\n"a\r\nb"\r\n\r\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\r\nA,B,https://linkedin.com/in/a,,"X\r\nY",,\r\n\r\nC,D,https://linkedin.com/in/c,,,,\r\n';
    const file = await readContacts(text, "linkedin", new Map());
    expect(file.rows.map((r) => [r.line, r.fields.firstName?.value, r.fields.company?.value])).toEqual([[6, "A", "X\r\nY"], [9, "C", undefined]]);
  });

  it("reads ';' files with a BOM, quoted separators and quotes, and reports a row with too few columns", async () => {
    const file = await readContacts('\uFEFFEmail;Company;Job Title\na@x.example;"Acme; Inc";"The ""Boss"""\nb@x.example;Short\n', "csv", new Map());
    expect(file.rows).toEqual([{ line: 2, fields: { email: { value: "a@x.example", column: "Email" }, company: { value: "Acme; Inc", column: "Company" }, title: { value: 'The "Boss"', column: "Job Title" } } }]);
    expect(file.problems).toEqual([{ line: 3, column: null, message: "2 columns where the header has 3" }]);
  });

  it("maps unknown headers with --map, and says when no header is known", async () => {
    expect((await readContacts("Courriel,Société\na@x.example,Acme\n", "csv", parseMapping("Courriel=email, Société=company"))).rows[0]?.fields)
      .toEqual({ email: { value: "a@x.example", column: "Courriel" }, company: { value: "Acme", column: "Société" } });
    expect((await readContacts("Courriel\na@x.example\n", "csv", new Map())).problems[0]?.line).toBe(1);
    expect(() => parseMapping("Courriel=mail")).toThrow(/not Header=field/);
  });
});

describe("values", () => {
  it("reads LinkedIn's dates and refuses impossible ones", () => {
    expect(["14 Mar 2024", "4 Jan 2021", "14-Mar-24", "2024-03-14", "31 Feb 2024", "Mar 14 2024"].map(contactDate))
      .toEqual(["2024-03-14", "2021-01-04", "2024-03-14", "2024-03-14", undefined, undefined]);
  });

  it("normalises profile URLs: scheme, www., trailing slash, query and case do not matter", () => {
    expect(profileKey("http://www.LinkedIn.com/in/Jane-Doe/?trk=x")).toBe("https://linkedin.com/in/jane-doe");
    expect(profileKey("https://linkedin.com/in/jos%C3%A9")).toBe("https://linkedin.com/in/josé");
  });

  it("keys company names without case, punctuation and legal forms", () => {
    expect(["Acme, Inc.", "ACME Inc", "acme", "Acme Co., Ltd.", "ACME L.L.C."].map(companyNameKey)).toEqual(["acme", "acme", "acme", "acme", "acme"]);
    expect(["Société Générale S.A.", "Procter & Gamble", "AG", "Müller GmbH"].map(companyNameKey)).toEqual(["societe generale", "procter and gamble", "ag", "muller"]);
  });
});
