/** The statements area: Sandogh account statements uploaded, matched to reported gifts, reconciled; bound to one context. */
import { bindUseCases } from '../bind.ts';
import type { Ctx } from '../context.ts';
import { confirmStatementMatches } from './confirm-statement-matches.ts';
import { getSampleStatement } from './get-sample-statement.ts';
import { getStatementReconciliation } from './get-statement-reconciliation.ts';
import { importStatement } from './import-statement.ts';
import { listStatementMatches } from './list-statement-matches.ts';
import { getStatementSetup } from './get-statement-setup.ts';
import { previewStatement } from './preview-statement.ts';
import { recordStatementCredit } from './record-statement-credit.ts';
import { saveStatementPreset } from './save-statement-preset.ts';

export { confirmStatementMatchesInput, MAX_MATCHES_AT_ONCE, type ConfirmStatementMatchesResult } from './confirm-statement-matches.ts';
export { EXAMPLE_PRESETS } from './example-presets.ts';
export { getSampleStatementInput, type SampleStatement } from './get-sample-statement.ts';
export { SAMPLE_STATEMENT_LAYOUT } from './sample-statement.ts';
export { getStatementReconciliationInput, type StatementReconciliation } from './get-statement-reconciliation.ts';
export { importStatementInput, type StatementImportResult } from './import-statement.ts';
export { listStatementMatchesInput, type OpenCredit, type StatementMatches } from './list-statement-matches.ts';
export type { StatementLayout, StatementSetup } from './get-statement-setup.ts';
export { MAPPING_COLUMNS, statementMapping, type StatementMapping, type StatementMappingInput } from './mapping.ts';
export type { MatchConfidence, MatchRule } from './match.ts';
export { MAX_STATEMENT_BYTES } from './parse/file-kind.ts';
export { previewStatementInput, type PreviewLine, type StatementPreview } from './preview-statement.ts';
export { recordStatementCreditInput, type RecordStatementCreditInput } from './record-statement-credit.ts';
export { saveStatementPresetInput } from './save-statement-preset.ts';

export function statementsUseCases(ctx: Ctx) {
  return bindUseCases(ctx, {
    getStatementSetup,
    saveStatementPreset,
    previewStatement,
    importStatement,
    listStatementMatches,
    confirmStatementMatches,
    recordStatementCredit,
    getStatementReconciliation,
    getSampleStatement,
  });
}
