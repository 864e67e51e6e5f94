// Reads test counts out of a stage's output, so `npm test` can close with one "N passed, N failed" line.
'use strict';

/**
 * Our runners end with "[name] N passed, N failed" (the last such line wins); plain mocha prints
 * "N passing" / "N failing" (summed, in case a stage ran mocha more than once). Undefined when neither.
 */
function parseCounts(output) {
  const ours = [...output.matchAll(/^\[[\w-]+\] (\d+) passed, (\d+) failed\s*$/gm)];
  const last = ours[ours.length - 1];
  if (last) return { passed: Number(last[1]), failed: Number(last[2]) };
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const passing = [...plain.matchAll(/^\s*(\d+) passing\b/gm)];
  const failing = [...plain.matchAll(/^\s*(\d+) failing\b/gm)];
  if (!passing.length && !failing.length) return undefined;
  const sum = (ms) => ms.reduce((n, m) => n + Number(m[1]), 0);
  return { passed: sum(passing), failed: sum(failing) };
}

module.exports = { parseCounts };
