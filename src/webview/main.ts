// STUB owned by the failed-items webview work (issue 6): the webview's browser script.
export {};
