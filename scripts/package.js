#!/usr/bin/env node
// `npm run package`: production bundle, then `vsce package` into dist-vsix/dns-batch-tasks.vsix.
'use strict';
const path = require('node:path');
const { packageVsix, VSIX, ROOT } = require('./lib/build');

const ok = packageVsix();
if (ok) console.log(`[package] ${path.relative(ROOT, VSIX)}`);
process.exit(ok ? 0 : 1);
