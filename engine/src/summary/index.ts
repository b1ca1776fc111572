export { cachedPolicySummary, summarizePolicy, ACTION_SAMPLE } from './summarize';
export { describeService, headline, limitsText, summaryLines } from './describe';
export * from './types';
export { codeSpan, summaryMarkdown } from './markdown';
