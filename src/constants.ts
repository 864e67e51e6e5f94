// Every id the extension uses, declared once. package.json must agree (test/unit/manifest.test.ts checks it).

export const EXTENSION_ID = 'dns-batch-tasks.dns-batch-tasks';
export const EXTENSION_NAME = 'dns-batch-tasks';

export const Commands = {
  showBatchTask: 'huaweiDns.showBatchTask',
  signIn: 'huaweiDns.signIn',
  signOut: 'huaweiDns.signOut',
  switchProfile: 'huaweiDns.switchProfile',
  importFromEnvironment: 'huaweiDns.importFromEnvironment',
  showLogs: 'huaweiDns.showLogs',
  trackTask: 'huaweiDns.trackTask',
  trackRecentTasks: 'huaweiDns.trackRecentTasks',
  refresh: 'huaweiDns.refresh',
  toggleGroupByMessage: 'huaweiDns.toggleGroupByMessage',
  watchInBackground: 'huaweiDns.watchInBackground',
  refreshTask: 'huaweiDns.refreshTask',
  showFailedItems: 'huaweiDns.showFailedItems',
  copyTaskId: 'huaweiDns.copyTaskId',
  copyTaskDetails: 'huaweiDns.copyTaskDetails',
  untrackTask: 'huaweiDns.untrackTask',
  loadMore: 'huaweiDns.loadMore',
  retry: 'huaweiDns.retry',
  revealInZoneFile: 'huaweiDns.revealInZoneFile',
  showFailuresInZoneFiles: 'huaweiDns.showFailuresInZoneFiles',
  checkZoneFile: 'huaweiDns.checkZoneFile',
  retryFailedItems: 'huaweiDns.retryFailedItems',
  toggleReadOnly: 'huaweiDns.toggleReadOnly',
  compareWithLiveZone: 'huaweiDns.compareWithLiveZone',
  verifyInLiveZone: 'huaweiDns.verifyInLiveZone',
} as const;
export type CommandId = (typeof Commands)[keyof typeof Commands];

export const Views = {
  container: 'huaweiDnsBatchTasks',
  tasks: 'huaweiDns.tasks',
} as const;

export const WebviewTypes = {
  failedItems: 'huaweiDns.failedItems',
} as const;

/** Keys under the `huaweiDns` configuration section. */
export const SETTINGS_SECTION = 'huaweiDns';
export const SettingKeys = {
  site: 'site',
  endpoint: 'endpoint',
  projectId: 'projectId',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  maxRetries: 'maxRetries',
  pageSize: 'pageSize',
  pollIntervalSeconds: 'pollIntervalSeconds',
  zoneFiles: 'zoneFiles',
  caFile: 'caFile',
  showFailuresOnOpen: 'showFailuresOnOpen',
  lintRules: 'lint.rules',
  lintMinTtl: 'lint.minTtl',
  compareIgnoreTtl: 'compare.ignoreTtl',
} as const;

export const ContextKeys = {
  signedIn: 'huaweiDns.signedIn',
  hasTasks: 'huaweiDns.hasTasks',
  groupByMessage: 'huaweiDns.groupByMessage',
  watching: 'huaweiDns.watching',
  readOnly: 'huaweiDns.readOnly',
} as const;

/** SecretStorage keys: the only place secrets are ever written. */
export const SecretKeys = {
  secretKey: (profileId: string) => `huaweiDns.profile.${profileId}.secretKey`,
  securityToken: (profileId: string) => `huaweiDns.profile.${profileId}.securityToken`,
} as const;

/** globalState / workspaceState keys (never secrets). */
export const StateKeys = {
  profiles: 'huaweiDns.profiles',
  activeProfile: 'huaweiDns.activeProfile',
  trackedTasks: (scope: string) => `huaweiDns.trackedTasks.${scope}`,
  groupByMessage: 'huaweiDns.groupByMessage',
  zoneFileChoices: 'huaweiDns.zoneFileChoices',
  watchInBackground: 'huaweiDns.watchInBackground',
  /** Which tracked task is a retry of which (child id -> parent id), per account. */
  retryOf: (scope: string) => `huaweiDns.retryOf.${scope}`,
} as const;

export const DIAGNOSTIC_SOURCE = 'Huawei DNS';

/** The language zone files get (package.json contributes it with a TextMate grammar). */
export const ZONE_LANGUAGE_ID = 'dns-zone';
export const LOG_CHANNEL_NAME = 'Huawei DNS';
