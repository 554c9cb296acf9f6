/**
 * A4 portrait, large type for elderly readers (only the link under a code, for typing by hand, is under
 * 15 pt), black on white so that a black-and-white office printer loses nothing. The fixed page height
 * keeps every poster on one sheet: a long village name shrinks the codes, which alone may shrink.
 */
export const POSTER_CSS = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { width: 210mm; height: 297mm; }
body {
  font-family: "Liberation Sans", Arial, "DejaVu Sans", "Noto Sans", sans-serif;
  color: #000; background: #fff; line-height: 1.25;
}
.poster {
  width: 210mm; height: 297mm; padding: 14mm 14mm 12mm;
  display: flex; flex-direction: column; justify-content: space-between; gap: 4mm;
  border: 3mm solid #0b4f8a;
}
h1 { font-size: 27pt; font-weight: 700; text-align: center; color: #0b4f8a; text-wrap: balance; }
.village {
  font-size: 34pt; font-weight: 700; text-align: center;
  border: 1mm solid #000; border-radius: 4mm; padding: 2mm 4mm;
}
.village.long { font-size: 26pt; }
.tagline { font-size: 19pt; text-align: center; text-wrap: balance; }
/* The codes take the room the words leave (cqh: the height of .codes), never more than their column. */
.codes { flex: 1 1 0; min-height: 0; container-type: size; display: flex; justify-content: center; gap: 8mm; }
.code { display: flex; flex-direction: column; align-items: center; justify-content: center; }
.code figcaption { font-size: 24pt; font-weight: 700; margin-bottom: 1mm; }
.qr { width: 100%; display: flex; justify-content: center; }
.qr svg { display: block; width: min(100%, 100cqh - 26mm); height: auto; aspect-ratio: 1; }
.count-1 .code { width: 95mm; }
.count-2 .code { width: 78mm; }
.count-3 .code { width: 56mm; }
.url { font-size: 12pt; text-align: center; overflow-wrap: anywhere; color: #333; }
.steps h2 { font-size: 20pt; margin-bottom: 1mm; }
.step { font-size: 19pt; margin-bottom: 1mm; }
.phone { font-size: 19pt; font-weight: 700; }
.footer { font-size: 15pt; text-wrap: pretty; border-top: 0.5mm solid #000; padding-top: 3mm; }
`;
