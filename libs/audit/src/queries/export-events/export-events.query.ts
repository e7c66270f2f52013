import { Query } from '@nestjs/cqrs';
import type { ExportRequest } from '../../export/ndjson-export.js';

/** The NDJSON lines of an export, pulled as the client reads them, and the file's name. */
export interface EventExport {
  fileName: string;
  lines: AsyncIterable<string>;
}

/** A stream, a category or a period of the log, exactly as stored. */
export class ExportEvents extends Query<EventExport> {
  constructor(readonly request: ExportRequest) {
    super();
  }
}
