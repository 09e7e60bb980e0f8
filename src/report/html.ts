/**
 * The report builder's public entry point: `reportHtml(input, charts)` gives report.html as text
 * (the page and its parts live in html/, see html/page.ts). Kept stable for the run-folder code
 * and the studio, which builds the same page in the browser.
 */
export { reportHtml, type ReportInput } from './html/page.ts';
export { escapeHtml } from './html/markup.ts';
export { prefixSvgIds, type ReportChart } from './html/charts.ts';
