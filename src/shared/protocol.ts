// STUB owned by the failed-items webview work (issue 6): the zod-validated webview <-> host protocol.
export {};
