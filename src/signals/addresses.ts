/**
 * Where webhooks may point. A webhook makes this server send requests, so an
 * EDITOR must not be able to aim it at the server's own network (cloud
 * metadata, databases, admin ports): unless RAPPORT_WEBHOOK_ALLOW_PRIVATE is
 * set (the default outside production, where receivers run on 127.0.0.1), a
 * url whose host is, or resolves to, a loopback, private, link-local or
 * otherwise non-public address is refused — when the webhook is created and
 * again at every delivery, since a name can be pointed elsewhere later.
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";

export class AddressRefused extends Error {}

/** Checks a webhook url; resolves with it normalised, or throws AddressRefused saying why. */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AddressRefused("not a url");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new AddressRefused("must be an http or https url");
  if (url.username !== "" || url.password !== "") throw new AddressRefused("must not carry credentials; the signature authenticates deliveries");
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    const addresses = isIP(host) ? [host] : await lookup(host, { all: true }).then((found) => found.map((a) => a.address), () => {
      throw new AddressRefused(`${host} does not resolve`);
    });
    const refused = addresses.find(isPrivateAddress);
    if (refused !== undefined) throw new AddressRefused(`${host} is a private or loopback address (${refused}); this server sends webhooks to public addresses only`);
  }
  return url.toString();
}

const PRIVATE_V4: [number, number][] = [
  [0x00000000, 8], [0x0a000000, 8], [0x64400000, 10], [0x7f000000, 8], [0xa9fe0000, 16], [0xac100000, 12],
  [0xc0000000, 24], [0xc0a80000, 16], [0xc6120000, 15], [0xe0000000, 4], [0xf0000000, 4],
];

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return isPrivateAddress(mapped);
  if (isIP(address) === 4) {
    const value = address.split(".").reduce((sum, part) => sum * 256 + Number(part), 0);
    return PRIVATE_V4.some(([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
  }
  const lower = address.toLowerCase();
  // Loopback, unspecified, unique-local (fc00::/7), link-local (fe80::/10) and multicast.
  return lower === "::1" || lower === "::" || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith("ff");
}
