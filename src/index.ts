/**
 * Public library API of ecoscore (re-exports only). The command line is `ecoscore` (src/cli); everything
 * it does is reachable from here for scripts and other tools.
 */
export { loadJourney, parseJourney, type LoadedJourney, type LoadJourneyOptions } from './journey/load.js';
export { JourneySchema, journeyJsonSchema, type Journey, type JourneyInput, type Step, type Action, type Locator, type StepType } from './journey/schema.js';
export { exportGdsl, exportLoadedJourneyGdsl, importGdsl, importGdslToYaml, GDSL_COMMANDS, isAttested } from './journey/gdsl.js';
export { importRecording, importRecordingToYaml, type RecorderImport, type RecorderImportOptions } from './journey/recorder.js';
export { runJourney, type RunOptions, type RunOutcome, type RunEvent } from './run/journey.js';
export { runCampaign, readCampaignIndex, type CampaignOptions, type CampaignOutcome, type CampaignEvent } from './run/campaign.js';
export { loadCampaign, parseCampaign, type LoadedCampaign } from './run/campaign-file.js';
export { mergeCampaigns } from './run/merge.js';
export { readResult, writeResult } from './output/result-file.js';
export { ResultSchema, RawStepSampleSchema, type Result, type StepResult, type RawStepSample, type Run } from './model/result.js';
export { WARNING_CODES, WarningSchema, type Warning, type WarningCode } from './model/warning.js';
export { phraseWarning } from './report/i18n-warnings.js';
export { CampaignIndexSchema, type CampaignIndex, type Combination } from './result/campaign.js';
export { compareResults, gateProblem, methodologyVersionOf, type Comparison, type CompareOptions, type Delta, type GateOptions } from './result/compare.js';
export { budgetScopeProblems, checkBudget, loadBudget, BudgetSchema, type Budget, type BudgetCheck } from './result/budget.js';
export { historyEntry, type HistoryEntry } from './result/history.js';
export { appendHistory, readHistory } from './output/history-file.js';
export { computeEcoIndex, ecoIndexGrade, ECOINDEX_QUANTILES } from './methodology/ecoindex.js';
export { estimateStepEnergy, relativeDischarge, ENERGY_MODEL_VERSION, type HostCalibration } from './methodology/energy.js';
export { energySourceOfModel, energySourceLabel, type EnergySource } from './methodology/energy-source.js';
export { METHODOLOGY_VERSION } from './methodology/version.js';
export { scoreStep, scoreJourney, scoreFromThresholds, ecoscoreGrade, defaultScoringProfile, parseScoringProfile, type ScoringProfile } from './methodology/ecoscore.js';
export { computeStepFootprint, journeyFootprint, projectFootprint, FOOTPRINT_MODEL_VERSION, type Footprint } from './methodology/footprint.js';
export { evaluate, type Evaluation } from './methodology/evaluate.js';
export { whiteLabelStatement, type WhiteLabelStatement } from './methodology/whitelabel.js';
export { median, coefficientOfVariation, summarize } from './methodology/stats.js';
export { getDeviceProfile, getNetworkProfile, listDeviceProfiles, listNetworkProfiles, parseDeviceProfile, parseNetworkProfile } from './profiles/index.js';
export type { DeviceProfile, NetworkProfile } from './profiles/schema.js';
export { renderHtmlReport } from './report/html.js';
export { renderHistoryHtml } from './report/history-html.js';
export { historyDashboardModel, type HistoryDashboardModel } from './report/history-model.js';
export { renderMarkdown } from './report/markdown.js';
export { renderJunit } from './report/junit.js';
export { writeReports } from './output/reports.js';
export { renderWhiteLabelHtml, renderWhiteLabelMarkdown, renderWhiteLabelJson } from './report/whitelabel.js';
export { publishedWhiteLabelStatement, whiteLabelRuleText, whiteLabelWarningText } from './report/i18n-whitelabel.js';
export { startDemoServer, DEMO_PASSWORD, type DemoServer } from './demo/server.js';
export { InputError } from './shared/input-error.js';
export { TOOL } from './shared/version.js';
