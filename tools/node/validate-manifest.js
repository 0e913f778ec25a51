#!/usr/bin/env node
// Validates a Teams app manifest offline against the JSON schema Microsoft publishes for its
// manifestVersion, as bundled in npm @microsoft/app-manifest (v1.0 to v1.30, devPreview).
//
// usage:  node validate-manifest.js path/to/manifest.json
// stdout: {"ok": bool, "errors": [...]}; exit code 0 whether or not the manifest is valid,
//         1 if the file cannot be read or no bundled schema matches its manifestVersion.
"use strict";

const fs = require("fs");
const path = require("path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

function bundledSchema(manifestVersion) {
  const root = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = path.join(root, "build", "json-schemas", "teams", `v${manifestVersion}`,
    "MicrosoftTeams.schema.json");
  if (!/^(\d+\.\d+|devPreview)$/.test(String(manifestVersion)) || !fs.existsSync(file)) {
    throw new Error(`No bundled Teams schema for manifestVersion "${manifestVersion}".`);
  }
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

async function main(file) {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const manifest = JSON.parse(text);
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest, bundledSchema(manifest.manifestVersion));
  process.stdout.write(JSON.stringify({ ok: errors.length === 0, errors }));
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
