import { describe, expect, it } from "vitest";
import { isFreeMailDomain } from "../../../src/ingest/free-mail.js";

describe("isFreeMailDomain", () => {
  it.each(["gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com", "icloud.com", "proton.me", "gmx.de", "web.de", "mailinator.com"])("%s is free mail", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it("ignores case, surrounding blanks and a trailing root dot", () => {
    expect(isFreeMailDomain(" GMail.COM. ")).toBe(true);
  });

  it.each(["acme.io", "globex.com", "google.com", "microsoft.com", "mail.acme.io", "gmail.com.acme.io", ""])("%j is not", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});
