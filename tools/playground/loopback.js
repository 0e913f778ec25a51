// Preloaded into the Agents Playground (`node -r`): it listens on every interface by default,
// which would let anyone on the network post to a bot running with authentication off.
// A listen() given only a port (and maybe a callback) is pinned to 127.0.0.1 instead.
"use strict";
const net = require("net");

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const portOnly = typeof args[0] === "number" && (args.length === 1 || typeof args[1] === "function");
  if (portOnly) {
    args.splice(1, 0, "127.0.0.1");
  }
  return listen.apply(this, args);
};
