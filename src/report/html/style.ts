/** The page's CSS: screen, and A4 print (charts and table rows never split, headers repeated). */
export const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2329; font: 14px/1.45 "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #e3e6ea; }
h3 { font-size: 15px; margin: 18px 0 6px; }
h4 { font-size: 13px; margin: 14px 0 4px; color: #444; }
.meta, .hint { color: #5c6670; margin: 0 0 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(165px, 1fr)); gap: 10px; }
.card { border: 1px solid #e3e6ea; border-radius: 6px; padding: 8px 10px; break-inside: avoid; }
.card .label { font-size: 12px; color: #5c6670; }
.card .value { font-size: 22px; font-weight: bold; }
.card .ci, span.ci { color: #5c6670; font-size: 12px; white-space: nowrap; }
.card .note { font-size: 11.5px; color: #444; }
strong.met { color: #2b8a3e; } strong.missed { color: #c92a2a; }
figure { margin: 14px 0 22px; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12.5px; color: #444; margin-top: 4px; max-width: 760px; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 12.5px; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e3e6ea; text-align: left; vertical-align: top; }
th { background: #f1f3f5; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.kv td:first-child { font-weight: bold; white-space: nowrap; }
table.kv thead { display: none; }
table.intervals { font-size: 11.5px; }
.sig { color: #c92a2a; font-weight: bold; white-space: nowrap; }
.better { color: #2b8a3e; font-weight: bold; white-space: nowrap; }
.worse { color: #c92a2a; font-weight: bold; white-space: nowrap; }
.neutral { color: #555555; white-space: nowrap; }
.summary { font-size: 1.05em; }
.warn { color: #8a5a00; }
.plan-assumptions { margin-top: 10px; }
footer { margin-top: 30px; color: #868e96; font-size: 11.5px; }
@media print {
  @page { size: A4 portrait; margin: 14mm 12mm 14mm 12mm; }
  html, body { background: #fff; }
  body { font-size: 9.5pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  .cards { grid-template-columns: repeat(4, 1fr); gap: 6px; }
  .card .value { font-size: 15pt; }
  figure svg { max-height: 240mm; width: auto; }
  table { font-size: 8pt; max-width: 100%; }
  table.intervals { font-size: 7.5pt; }
  th, td { padding: 2px 5px; }
  td.num, th.num { white-space: normal; }
  td span.ci { display: block; }
  table.intervals td span.ci { display: inline; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; page-break-inside: avoid; }
  section.intervals { break-before: page; page-break-before: always; }
}
`;
