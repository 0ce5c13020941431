// Protocol.cpp — decoding of the LSP messages the server reads (with the field at fault) and encoding of its answers.
#include "lsp/Protocol.h"

namespace vdc::lsp {

using llvm::json::Array;
using llvm::json::ObjectMapper;
using llvm::json::Object;
using llvm::json::Path;
using llvm::json::Value;

namespace {
/// A protocol `uinteger` that fits 32 bits (lines and UTF-16 columns).
bool fromJSONUint32(const Value &value, uint32_t &out, Path path) {
  auto n = value.getAsInteger();
  if (!n || *n < 0 || *n > UINT32_MAX) {
    path.report("expected an integer from 0 to 4294967295");
    return false;
  }
  out = static_cast<uint32_t>(*n);
  return true;
}
} // namespace

bool fromJSON(const Value &value, Position &out, Path path) {
  ObjectMapper o(value, path);
  if (!o)
    return false;
  const Object &object = *value.getAsObject();
  auto coordinate = [&](llvm::StringLiteral field, uint32_t &into) {
    if (const Value *v = object.get(field))
      return fromJSONUint32(*v, into, path.field(field));
    path.field(field).report("missing value");
    return false;
  };
  return coordinate("line", out.line) && coordinate("character", out.character);
}

Value toJSON(const Position &p) { return Object{{"line", p.line}, {"character", p.character}}; }

bool fromJSON(const Value &value, Range &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("start", out.start) && o.map("end", out.end);
}

Value toJSON(const Range &r) { return Object{{"start", r.start}, {"end", r.end}}; }

Range toRange(const SourceManager &sources, SourceRange range) {
  if (!range.valid())
    return Range{};
  return Range{toPosition(sources, range.file, range.begin), toPosition(sources, range.file, range.end)};
}

Value toJSON(const Location &l) { return Object{{"uri", l.uri}, {"range", l.range}}; }

bool fromJSON(const Value &value, TextDocumentIdentifier &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("uri", out.uri);
}

bool fromJSON(const Value &value, VersionedTextDocumentIdentifier &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("uri", out.uri) && o.map("version", out.version);
}

bool fromJSON(const Value &value, TextDocumentItem &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("uri", out.uri) && o.mapOptional("languageId", out.languageId) &&
         o.mapOptional("version", out.version) && o.map("text", out.text);
}

bool fromJSON(const Value &value, TextDocumentPositionParams &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("textDocument", out.textDocument) && o.map("position", out.position);
}

bool fromJSON(const Value &value, DocumentParams &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("textDocument", out.textDocument);
}

Value toJSON(const TextEdit &e) { return Object{{"range", e.range}, {"newText", e.newText}}; }

// ---- Lifecycle ----

namespace {
struct DynamicRegistration {
  bool dynamicRegistration = false;
};
bool fromJSON(const Value &value, DynamicRegistration &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.mapOptional("dynamicRegistration", out.dynamicRegistration);
}
struct WorkspaceClientCapabilities {
  DynamicRegistration didChangeWatchedFiles;
};
bool fromJSON(const Value &value, WorkspaceClientCapabilities &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.mapOptional("didChangeWatchedFiles", out.didChangeWatchedFiles);
}
} // namespace

bool fromJSON(const Value &value, ClientCapabilities &out, Path path) {
  ObjectMapper o(value, path);
  WorkspaceClientCapabilities workspace;
  if (!o || !o.mapOptional("workspace", workspace))
    return false;
  out.didChangeWatchedFilesDynamicRegistration = workspace.didChangeWatchedFiles.dynamicRegistration;
  return true;
}

bool fromJSON(const Value &value, InitializeParams &out, Path path) {
  if (value.getAsNull()) // no parameters at all: a client that declares nothing
    return true;
  ObjectMapper o(value, path);
  return o && o.mapOptional("capabilities", out.capabilities);
}

Value toJSON(const InitializeResult &r) {
  return Object{
      {"capabilities",
       Object{
           {"positionEncoding", "utf-16"},
           {"textDocumentSync", Object{{"openClose", true}, {"change", 1}}},
           {"hoverProvider", true},
           {"definitionProvider", true},
           {"documentSymbolProvider", true},
           {"documentFormattingProvider", true},
           {"codeActionProvider", Object{{"codeActionKinds", Array{"quickfix"}}}},
           {"completionProvider", Object{{"triggerCharacters", Array{":", " ", "."}}}},
       }},
      {"serverInfo", Object{{"name", "vdc"}, {"version", r.serverVersion}}}};
}

Value toJSON(const RegisterFileWatchersParams &p) {
  Array watchers;
  for (const std::string &glob : p.globs)
    watchers.push_back(Object{{"globPattern", glob}});
  return Object{{"registrations", Array{Object{{"id", p.id},
                                               {"method", "workspace/didChangeWatchedFiles"},
                                               {"registerOptions", Object{{"watchers", std::move(watchers)}}}}}}};
}

// ---- Text synchronisation ----

bool fromJSON(const Value &value, DidOpenTextDocumentParams &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("textDocument", out.textDocument);
}

bool fromJSON(const Value &value, TextDocumentContentChangeEvent &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("text", out.text);
}

bool fromJSON(const Value &value, DidChangeTextDocumentParams &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("textDocument", out.textDocument) && o.map("contentChanges", out.contentChanges);
}

bool fromJSON(const Value &value, DidCloseTextDocumentParams &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("textDocument", out.textDocument);
}

bool fromJSON(const Value &value, FileEvent &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("uri", out.uri) && o.mapOptional("type", out.type);
}

bool fromJSON(const Value &value, DidChangeWatchedFilesParams &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("changes", out.changes);
}

Value toJSON(const ClearDiagnosticsParams &p) { return Object{{"uri", p.uri}, {"diagnostics", Array{}}}; }

// ---- Language features ----

Value toJSON(const Hover &h) {
  return Object{{"contents", Object{{"kind", "markdown"}, {"value", h.markdown}}}, {"range", h.range}};
}

Value toJSON(const CompletionItem &item) {
  Object o{{"label", item.label}, {"kind", static_cast<int>(item.kind)}};
  if (!item.detail.empty())
    o["detail"] = item.detail;
  return o;
}

Value toJSON(const CompletionList &list) {
  return Object{{"isIncomplete", list.isIncomplete}, {"items", list.items}};
}

bool fromJSON(const Value &value, CodeActionParams &out, Path path) {
  ObjectMapper o(value, path);
  return o && o.map("textDocument", out.textDocument) && o.map("range", out.range);
}

Value toJSON(const CodeAction &a) {
  Object changes;
  changes[a.uri] = a.edits;
  Object out{{"title", a.title}, {"kind", a.kind}, {"edit", Object{{"changes", std::move(changes)}}}};
  if (a.isPreferred)
    out["isPreferred"] = true;
  return out;
}

} // namespace vdc::lsp
