// The fake Huawei Cloud DNS API gateway, for unit, integration and UI tests, benchmarks and the sandbox.
// Usage: `const gw = await startFakeGateway({ tasks: [aTask()] }); … gw.url …; await gw.close();`
export { startFakeGateway, SANDBOX_CREDENTIALS, newRequestId } from './server';
export { sandboxTasks, RETRY_DEMO_ITEMS, PREFLIGHT_DEMO_ITEMS, SANDBOX_TASK_IDS, SANDBOX_PENDING_MS, EXAMPLE_COM_ITEMS, HOSTILE_ITEMS, SANDBOX_NOT_IN_ZONE_FILES, tableDate, exampleDate } from './sandbox';
export { projectIdFor } from './routes';
export { BATCH_CREATE_ROUTE, BATCH_CREATE_ACTION, CREATE_MESSAGES } from './batchCreate';
export { ZoneStore, generatedZone, NEXT_LINK_HOST } from './zones';
export { sandboxZones, SANDBOX_ZONE_ID, SANDBOX_COMPARE_SUMMARY, SANDBOX_COMPARE_EXPECTED } from './sandboxZones';
export type { FakeZone, FakeRecordSet } from './zones';
export { expectedSignature, verifyRequest, parseAuthorization, LOCKED_MESSAGE, AUTH_PREFIX } from './auth';
export type {
  ErrorItem,
  FakeCredentials,
  FakeGateway,
  FakeGatewayOptions,
  FakeTask,
  RecordedRequest,
  RequestMatcher,
  ScriptedResponse,
} from './types';
