export { loadReportHead, priceSql } from './report-head.repository.js'; // TEMP re-export
export type { ReviewWrite } from './report.repository.js'; // TEMP re-export
