#!/usr/bin/env node
// Validates Adaptive Cards with Microsoft's own SDK (npm adaptivecards 3.x), the way a
// Teams-like host parses them, so that a green card test means the card really renders.
//
// stdin:  a JSON array of cards.
// stdout: a JSON array, one {ok, errors: [...], warnings: [...]} per card, same order.
//
// What counts as what (checked against adaptivecards 3.0.6):
// - The SDK parses in a SerializationContext targeting 1.5 (Teams renders up to 1.5).
//   Properties newer than 1.5 (labelPosition, role, choices.data ...) and bad enum values
//   are logged as parse events -> errors. validateProperties() adds duplicate or missing
//   input ids, empty choice sets, a wrong card type -> errors.
// - Action.Execute is known to the SDK (ExecuteAction, registered for 1.4+): it parses like
//   any other action, verb and data included.
// - An unknown element or action type (e.g. Chart.VerticalBar, which Teams supports but this
//   SDK does not know; or a typo) is logged as "Unknown element type ... Fallback will be
//   used if present" whether or not a fallback exists. We look at the JSON object itself:
//   when it or an enclosing element has a `fallback` (an object or "drop") it is a warning,
//   since hosts that lack the type show that fallback (a missing fallback bubbles up to the
//   nearest parent that has one); with no fallback anywhere above it, it is an error,
//   because the content silently disappears.
// - The SDK accepts a card with no `version` and flags only versions above 1.6; we add an
//   error for a missing version and for any version above 1.5.
// - The SDK ignores unknown property names (a typo such as "colour"); we report them as
//   warnings by comparing each parsed object's JSON keys with its schema.
// - "Required inputs should have an error message/label" and hints are warnings.
"use strict";

const AC = require("adaptivecards/dist/adaptivecards.js");

const TEAMS_MAX = { major: 1, minor: 5 };
const WARNING_EVENTS = new Set([
  AC.ValidationEvent.Hint,
  AC.ValidationEvent.Deprecated,
  AC.ValidationEvent.RequiredInputsShouldHaveLabel,
  AC.ValidationEvent.RequiredInputsShouldHaveErrorMessage,
]);
const UNKNOWN_TYPE_EVENTS = new Set([
  AC.ValidationEvent.UnknownElementType,
  AC.ValidationEvent.UnknownActionType,
]);
// Keys the SDK parses by hand rather than through its property schema.
const STRUCTURAL_KEYS = new Set([
  "type", "fallback", "body", "actions", "items", "columns", "rows", "cells", "facts",
  "images", "inlines", "pages", "card", "targetElements", "sources", "$schema", "$data",
  "$when", "msteams",
]);

function schemaNames(cardObject) {
  const schema = cardObject.getSchema();
  const names = new Set();
  for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
  return names;
}

function unknownKeys(cardObject, source, warnings) {
  // When a fallback replaced an unknown type, the SDK hands us the outer JSON: find the
  // object the parsed one came from.
  while (source && source.type !== cardObject.getJsonTypeName()) {
    source = typeof source.fallback === "object" ? source.fallback : undefined;
  }
  if (!source) return;
  const known = schemaNames(cardObject);
  for (const key of Object.keys(source)) {
    if (!known.has(key) && !STRUCTURAL_KEYS.has(key)) {
      warnings.push(`${cardObject.getJsonTypeName()}: unknown property "${key}" is ignored.`);
    }
  }
}

// Records which JSON object is being parsed, so an "unknown type" event can be matched
// with the objects around it that have (or lack) a fallback.
function trackSources(context) {
  const stack = [];
  const proto = Object.getPrototypeOf(context);
  context.internalParseCardObject = function (...args) {
    stack.push(args[1]);
    try {
      return proto.internalParseCardObject.apply(this, args);
    } finally {
      stack.pop();
    }
  };
  return stack;
}

function classifyEvents(context, report) {
  const stack = trackSources(context);
  context.logParseEvent = function (source, event, message) {
    const covered = stack.some((json) => json && json.fallback !== undefined);
    if (UNKNOWN_TYPE_EVENTS.has(event) && covered) {
      report.warnings.push(`${message} (a fallback covers it)`);
    } else if (WARNING_EVENTS.has(event)) {
      report.warnings.push(message);
    } else {
      report.errors.push(message);
    }
  };
  context.onParseElement = (o, src) => unknownKeys(o, src, report.warnings);
  context.onParseAction = context.onParseElement;
}

function checkVersion(json, report) {
  const match = /^(\d+)\.(\d+)$/.exec(String(json.version ?? ""));
  if (!match) {
    report.errors.push(`Card version "${json.version}" is missing or not of the form 1.5.`);
    return;
  }
  const [major, minor] = [Number(match[1]), Number(match[2])];
  if (major > TEAMS_MAX.major || (major === TEAMS_MAX.major && minor > TEAMS_MAX.minor)) {
    report.errors.push(`Card version ${json.version} is newer than 1.5, the newest Teams renders.`);
  }
}

function validateCard(json) {
  const report = { ok: false, errors: [], warnings: [] };
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    report.errors.push("A card must be a JSON object.");
    return report;
  }
  checkVersion(json, report);
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  classifyEvents(context, report);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (const failure of card.validateProperties().validationEvents) {
    (WARNING_EVENTS.has(failure.event) ? report.warnings : report.errors).push(failure.message);
  }
  report.ok = report.errors.length === 0;
  return report;
}

function main() {
  const input = require("fs").readFileSync(0, "utf8");
  const cards = JSON.parse(input);
  if (!Array.isArray(cards)) throw new Error("stdin must hold a JSON array of cards");
  process.stdout.write(JSON.stringify(cards.map(validateCard)));
}

main();
