// Serialize.cpp — the binary form of a syntax tree: one list of fields per node, read and written by the same code.
#include "ast/Serialize.h"

#include <cstring>
#include <type_traits>

namespace vdc::ast {

namespace {

// Each node's fields are listed once, in `fields` below, and both directions walk that list, so a field cannot be
// written and not read. A field added to a node must be added there too: these sizes (of the nodes on the 64-bit
// Linux target with libstdc++) stop the build until it is.
#if defined(__x86_64__) && defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
static_assert(sizeof(SourceRange) == 12 && sizeof(Name) == 48 && sizeof(Value) == 432 && sizeof(Attribute) == 496 &&
                  sizeof(ProxyClause) == 112 && sizeof(Entity) == 288 && sizeof(Discharge) == 344 &&
                  sizeof(Design) == 200 && sizeof(TypeExpr) == 72 && sizeof(Param) == 576 &&
                  sizeof(Condition) == 584 && sizeof(Requirement) == 736 && sizeof(AssumptionDecl) == 152 &&
                  sizeof(StrategyDecl) == 272 && sizeof(ProxyKindDecl) == 192 && sizeof(AggregationDecl) == 152 &&
                  sizeof(Import) == 48 && sizeof(Module) == 176,
              "an AST node changed: list its new field in the `fields` functions of ast/Serialize.cpp, then update "
              "these sizes");
#endif

/// `const T` while writing, `T` while reading.
template <class IO, class T> using Node = std::conditional_t<IO::kWriting, const T, T>;

class Writer {
public:
  static constexpr bool kWriting = true;
  Writer(std::string &out, FileId file) : out_(out), file_(file) {}
  bool ok = true;

  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  void operator()(I value) {
    auto v = static_cast<uint64_t>(value);
    do {
      unsigned char byte = v & 0x7f;
      v >>= 7;
      out_.push_back(static_cast<char>(v ? byte | 0x80 : byte));
    } while (v);
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void operator()(E value) {
    (*this)(static_cast<uint64_t>(value));
  }
  void operator()(bool value) { out_.push_back(value ? 1 : 0); }
  void operator()(double value) {
    char bytes[sizeof value];
    std::memcpy(bytes, &value, sizeof value);
    out_.append(bytes, sizeof value);
  }
  void operator()(const std::string &s) {
    (*this)(s.size());
    out_ += s;
  }
  void operator()(const SourceRange &r) {
    // 0: no location; 1: a range in this module's file.
    if (!r.valid())
      return (*this)(0u);
    ok = ok && r.file == file_;
    (*this)(1u);
    (*this)(r.begin);
    (*this)(r.end);
  }
  template <class T> void operator()(const std::vector<T> &items) {
    (*this)(items.size());
    for (const T &item : items)
      (*this)(item);
  }
  template <class T> void operator()(const std::optional<T> &item) {
    (*this)(item.has_value());
    if (item)
      (*this)(*item);
  }
  template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0> void operator()(const T &node) {
    fields(*this, node);
  }

private:
  std::string &out_;
  FileId file_;
};

class Reader {
public:
  static constexpr bool kWriting = false;
  Reader(std::string_view in, FileId file) : in_(in), file_(file) {}
  bool ok = true;

  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  void operator()(I &value) {
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      unsigned char byte = next();
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (!(byte & 0x80))
        break;
    }
    value = static_cast<I>(v);
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0> void operator()(E &value) {
    uint64_t v = 0;
    (*this)(v);
    value = static_cast<E>(v);
  }
  void operator()(bool &value) { value = next() != 0; }
  void operator()(double &value) {
    if (!take(sizeof value))
      return;
    std::memcpy(&value, in_.data() + pos_ - sizeof value, sizeof value);
  }
  void operator()(std::string &s) {
    size_t n = 0;
    (*this)(n);
    if (take(n))
      s.assign(in_.data() + pos_ - n, n);
  }
  void operator()(SourceRange &r) {
    unsigned where = 0;
    (*this)(where);
    r = SourceRange{};
    if (where == 0)
      return;
    r.file = file_;
    (*this)(r.begin);
    (*this)(r.end);
  }
  template <class T> void operator()(std::vector<T> &items) {
    size_t n = 0;
    (*this)(n);
    if (n > in_.size() - pos_) { // every item takes at least one byte
      ok = false;
      return;
    }
    items.resize(n);
    for (T &item : items)
      (*this)(item);
  }
  template <class T> void operator()(std::optional<T> &item) {
    bool has = false;
    (*this)(has);
    item.reset();
    if (has)
      (*this)(item.emplace());
  }
  template <class T, std::enable_if_t<std::is_class_v<T>, int> = 0> void operator()(T &node) { fields(*this, node); }

  bool atEnd() const { return pos_ == in_.size(); }

private:
  unsigned char next() {
    if (!take(1))
      return 0;
    return static_cast<unsigned char>(in_[pos_ - 1]);
  }
  bool take(size_t n) {
    if (!ok || n > in_.size() - pos_) {
      ok = false;
      return false;
    }
    pos_ += n;
    return true;
  }
  std::string_view in_;
  size_t pos_ = 0;
  FileId file_;
};

template <class IO> void fields(IO &io, Node<IO, Name> &n) {
  io(n.text);
  io(n.range);
}
template <class IO> void fields(IO &io, Node<IO, Value> &v) {
  io(v.kind);
  io(v.range);
  io(v.number);
  io(v.isInteger);
  io(v.text);
  io(v.boolean);
  io(v.name);
  io(v.items);
  io(v.effectTreatment);
  io(v.effectOutcome);
  io(v.effectTarget);
  io(v.effectComparator);
  io(v.rankedTreatments);
  io(v.trendAttribute);
  io(v.trendRecipes);
}
template <class IO> void fields(IO &io, Node<IO, Attribute> &a) {
  io(a.key);
  io(a.value);
  io(a.range);
}
template <class IO> void fields(IO &io, Node<IO, ProxyClause> &p) {
  io(p.target);
  io(p.kind);
  io(p.range);
}
template <class IO> void fields(IO &io, Node<IO, Entity> &e) {
  io(e.kind);
  io(e.name);
  io(e.description);
  io(e.proxy);
  io(e.attributes);
  io(e.range);
  io(e.doc);
  io(e.malformed);
}
template <class IO> void fields(IO &io, Node<IO, Discharge> &d) {
  io(d.assumption);
  io(d.target);
  io(d.evidence);
  io(d.text);
  io(d.cite);
  io(d.checkName);
  io(d.checkArgs);
  io(d.study);
  io(d.range);
  io(d.malformed);
  io(d.dispute);
}
template <class IO> void fields(IO &io, Node<IO, Design> &d) {
  io(d.name);
  io(d.title);
  io(d.cites);
  io(d.entities);
  io(d.discharges);
  io(d.range);
  io(d.doc);
}
template <class IO> void fields(IO &io, Node<IO, TypeExpr> &t) {
  io(t.kind);
  io(t.element);
  io(t.members);
  io(t.range);
}
template <class IO> void fields(IO &io, Node<IO, Param> &p) {
  io(p.name);
  io(p.type);
  io(p.defaultValue);
  io(p.range);
}
template <class IO> void fields(IO &io, Node<IO, Condition> &c) {
  io(c.kind);
  io(c.operands);
  io(c.param);
  io(c.op);
  io(c.literal);
  io(c.range);
  io(c.factors);
}
template <class IO> void fields(IO &io, Node<IO, Requirement> &r) {
  io(r.assumption);
  io(r.severity);
  io(r.condition);
  io(r.negated);
  io(r.range);
  io(r.hint);
}
template <class IO> void fields(IO &io, Node<IO, SatisfiesGuard> &g) {
  io(g.condition);
  io(g.negated);
}
template <class IO> void fields(IO &io, Node<IO, Forbid> &f) {
  io(f.condition);
  io(f.negated);
  io(f.message);
  io(f.range);
}
template <class IO> void fields(IO &io, Node<IO, AssumptionDecl> &a) {
  io(a.name);
  io(a.title);
  io(a.attributes);
  io(a.range);
  io(a.doc);
}
template <class IO> void fields(IO &io, Node<IO, StrategyDecl> &s) {
  io(s.name);
  io(s.description);
  io(s.params);
  io(s.satisfies);
  io(s.requirements);
  io(s.attributes);
  io(s.range);
  io(s.doc);
  io(s.satisfiesGuards);
  io(s.forbids);
}
template <class IO> void fields(IO &io, Node<IO, ProxyKindDecl> &p) {
  io(p.name);
  io(p.appliesTo);
  io(p.appliesToRange);
  io(p.description);
  io(p.requirements);
  io(p.range);
  io(p.doc);
  io(p.alsoAppliesTo);
}
template <class IO> void fields(IO &io, Node<IO, AggregationDecl> &a) {
  io(a.name);
  io(a.description);
  io(a.requirements);
  io(a.range);
  io(a.doc);
}
template <class IO> void fields(IO &io, Node<IO, Import> &i) {
  io(i.path);
  io(i.range);
}
/// Every field of a module but its file id, which the reader supplies.
template <class IO> void fields(IO &io, Node<IO, Module> &m) {
  io(m.imports);
  io(m.designs);
  io(m.assumptions);
  io(m.strategies);
  io(m.proxyKinds);
  io(m.aggregations);
  io(m.comments);
}

} // namespace

bool serializeModule(const Module &module, std::string &out) {
  out.clear();
  Writer writer(out, module.file);
  writer(module);
  return writer.ok;
}

bool deserializeModule(std::string_view bytes, FileId file, Module &module) {
  module = Module{};
  module.file = file;
  Reader reader(bytes, file);
  reader(module);
  return reader.ok && reader.atEnd();
}

} // namespace vdc::ast
