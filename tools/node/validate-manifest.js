#!/usr/bin/env node
// Validates a Teams app manifest offline against the JSON schema Microsoft publishes for its
// manifestVersion, as bundled in npm @microsoft/app-manifest (v1.0 to v1.30, devPreview).
// A localization file (localizationInfo.additionalLanguages[].file, e.g. cy.json) is checked
// against the bundled MicrosoftTeams.Localization.schema.json its "$schema" names.
//
// usage:  node validate-manifest.js path/to/manifest.json   (or path/to/cy.json)
// stdout: {"ok": bool, "errors": [...]}; exit code 0 whether or not the manifest is valid,
//         1 if the file cannot be read or no bundled schema matches its manifestVersion.
"use strict";

const fs = require("fs");
const path = require("path");
const { AppManifestUtils } = require("@microsoft/app-manifest");

const LOCALIZATION = /\/v(\d+\.\d+|devPreview)\/MicrosoftTeams\.Localization\.schema\.json$/;

function bundledSchema(document) {
  const localization = LOCALIZATION.exec(String(document["$schema"] || ""));
  const manifestVersion = localization ? localization[1] : document.manifestVersion;
  const name = localization ? "MicrosoftTeams.Localization.schema.json" : "MicrosoftTeams.schema.json";
  const root = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = path.join(root, "build", "json-schemas", "teams", `v${manifestVersion}`, name);
  if (!/^(\d+\.\d+|devPreview)$/.test(String(manifestVersion)) || !fs.existsSync(file)) {
    throw new Error(`No bundled Teams schema for manifestVersion "${manifestVersion}".`);
  }
  const schema = JSON.parse(fs.readFileSync(file, "utf8"));
  return localization ? unicodeSafe(schema) : schema;
}

// The published localization schemas hold one pattern with an unescaped "]"
// (activities.activityTypes[...\b]\.description), which the validator's Unicode-mode regular
// expressions refuse ("Lone quantifier brackets"); escaping it keeps its meaning.
function unicodeSafe(schema) {
  const patterns = schema.patternProperties || {};
  schema.patternProperties = Object.fromEntries(
    Object.entries(patterns).map(([key, value]) => [key.replace(/\\b\]/g, "\\b\\]"), value]));
  return schema;
}

async function main(file) {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const manifest = JSON.parse(text);
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest, bundledSchema(manifest));
  process.stdout.write(JSON.stringify({ ok: errors.length === 0, errors }));
}

main(process.argv[2]).catch((error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
