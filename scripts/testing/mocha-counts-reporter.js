// Mocha's spec reporter, plus the counts written to RH_TEST_COUNTS (see counts.ts) at the end.
'use strict';
const fs = require('fs');
const Spec = require('mocha').reporters.Spec;

class CountsReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.RH_TEST_COUNTS;
      if (!file) return;
      const s = runner.stats || {};
      fs.writeFileSync(file, JSON.stringify({ passed: s.passes || 0, failed: s.failures || 0, pending: s.pending || 0 }) + '\n');
    });
  }
}

module.exports = CountsReporter;
