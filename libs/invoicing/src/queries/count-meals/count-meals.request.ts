/** The month asked for, as for the collection summary. */
export { MonthQuery } from '../get-collection-summary/get-collection-summary.request.js';
