// Whether input is text at all: files by their first bytes, pasted text by
// its share of control characters. Cleaning a PNG as text would "work" and
// show mojibake as the article; the page says what it got instead.

// First bytes of formats people drop by mistake.
const SIGNATURES = [
  ['a gzip-compressed file', [0x1f, 0x8b]],
  ['a zstd-compressed file', [0x28, 0xb5, 0x2f, 0xfd]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['a bzip2-compressed file', [0x42, 0x5a, 0x68]],
  ['an xz-compressed file', [0xfd, 0x37, 0x7a, 0x58, 0x5a]],
];
// Above this share of control or replacement characters, text is binary.
const MAX_CONTROL_SHARE = 0.01;
const SAMPLE = 65536;

/** For a dropped file's bytes: `{ text }`, or `{ problem }` saying what it is instead. */
export function decodeFile(bytes) {
  for (const [what, magic] of SIGNATURES) {
    if (magic.every((b, i) => bytes[i] === b)) return { problem: `This is ${what}, not text. Drop a .txt file, or paste the text of a page.` };
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'This file is not UTF-8 text (it may be binary, or in a legacy encoding). Save it as UTF-8 text and drop it again.' };
  }
  const problem = checkText(text);
  return problem ? { problem } : { text };
}

/** For pasted text: a problem to report, or null when it reads as text. */
export function checkText(text) {
  const sample = text.slice(0, SAMPLE);
  if (!sample) return null;
  let odd = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) odd += 1;
  }
  return odd / sample.length > MAX_CONTROL_SHARE
    ? `This looks like binary data, not text (${Math.round((100 * odd) / sample.length)}% control or undecodable characters).`
    : null;
}
