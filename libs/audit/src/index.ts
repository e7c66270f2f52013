// What the composition root, the CLI, the benches and the tests use of audit: the module, the
// engines the CLI runs without the API (anchors, chain and read-model verifiers, NDJSON export),
// and the types of the reports they produce.
export { AuditModule, type AuditModuleOptions } from './audit.module.js';
export { auditMigrations } from './audit.migrations.js';
export type { AuditReader, EventRevealer } from './event-revealer.js';
export { AuditedAggregates, type AuditedAggregate } from './state/audited-aggregates.js';
export { AuditAnchors } from './chain/audit-anchors.js';
export { ChainVerifier, type ChainReport } from './chain/chain-verifier.js';
export { ReadModelVerifier, type ReadModelReport } from './read-models/read-model-verifier.js';
export { tableChecksum } from './read-models/table-checksum.js';
export { assertExportable, exportNdjson, type ExportRequest } from './export/ndjson-export.js';
export { verifySignedReport, type SignedReport } from './report/report-signer.js';
export type { VerificationReport } from './report/verification-report.js';
