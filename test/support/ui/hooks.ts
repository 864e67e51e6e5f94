// Mocha root-hook plugin: `mocha --require out/test/support/ui/hooks.js out/test/e2e/**/*.test.js`.
export { mochaHooks } from './index';
