/**
 * Company names compared as the issue states the rule, written apart from
 * src/graph-document/normalize.ts so that a differential test can hold one to
 * the other: accents, case, punctuation and a trailing legal form (Inc., Ltd,
 * LLC, GmbH, AG, S.A. …) do not tell two companies apart; "&" is "and".
 */
const LEGAL_FORMS = [
  "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "plc", "lp",
  "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "pty", "kk",
];

export function sameCompanyKey(name: string): string {
  const words: string[] = [];
  let word = "";
  const endWord = () => {
    if (word !== "") words.push(word);
    word = "";
  };
  for (const char of name.normalize("NFD")) {
    const code = char.codePointAt(0)!;
    if (code >= 0x300 && code <= 0x36f) continue; // a combining accent
    if (char === ".") continue; // S.A. is SA
    if (char === "&") {
      endWord();
      words.push("and");
    } else if (/[\p{L}\p{N}]/u.test(char)) {
      word += char.toLocaleLowerCase("en");
    } else {
      endWord();
    }
  }
  endWord();
  let end = words.length;
  while (end > 1 && LEGAL_FORMS.includes(words[end - 1]!)) end -= 1;
  return words.slice(0, end).join("|");
}
