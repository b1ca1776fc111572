export { cachedPolicySummary, summarizePolicy, ACTION_SAMPLE } from './summarize';
export { describeService, headline, limitsText, summaryLines } from './describe';
export * from './types';
export { summaryMarkdown } from './markdown';
