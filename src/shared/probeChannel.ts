// The test probe's names, without its schemas (src/shared/testProbe.ts), so that the panel's HTML can name the
// switch without loading the schema library.

/** Set on every probe message; the product handler drops any message that has a `channel`. */
export const PROBE_CHANNEL = 'huaweiDns.testProbe';

/** The attribute on the webview's <body> that turns the probe on; absent in a user's panels. */
export const PROBE_ATTRIBUTE = 'data-test-probe';
