/** The same body as a direct-debit batch: the day the overdue invoices are counted on. */
export { DateRequest } from '../collect-direct-debits/collect-direct-debits.request.js';
