'use strict';
// What every browser scenario shares: Debian's chromium (playwright cannot download browsers here), a fresh
// profile per run, and one JSON line on stdout for the Java side (io.edihub.BrowserScript) to read.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

async function launch() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM)`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'edihub-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs a scenario with the arguments named, printing its result (or its failure) as JSON. */
function run(names, scenario) {
  const args = process.argv.slice(2);
  if (args.length !== names.length) {
    console.error(`usage: node ${path.basename(process.argv[1])} ${names.map((n) => `<${n}>`).join(' ')}`);
    process.exit(2);
  }
  const named = Object.fromEntries(names.map((n, i) => [n, args[i]]));
  scenario(named).then(
    (result) => { process.stdout.write(JSON.stringify(result) + '\n'); },
    (error) => { console.error(error && error.stack ? error.stack : String(error)); process.exitCode = 1; },
  );
}

module.exports = { launch, run };
