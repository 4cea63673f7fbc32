// Entry of dist/mcp/mcpCommand.js. A plain require keeps esbuild's lazy module wrappers, so the
// MCP SDK and zod initialise in the order they do inside one bundle (as an ES entry, zod's
// classes were used before they were defined: "Class2 is not a constructor").
module.exports = require('./mcpCommand');
