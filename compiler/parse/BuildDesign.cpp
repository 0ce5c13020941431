// BuildDesign.cpp — the AST of a design: its declarations (recipe ... claim), discharges and attribute blocks.
#include "parse/AstBuilder.h"

namespace vdc::parse {

ast::Design AstBuilder::design(P::VDesignParser::DesignDeclContext *ctx) {
  ast::Design out;
  out.name = declName(ctx->declName());
  out.title = optString(ctx->STRING());
  out.range = range(ctx);
  out.doc = docComment(ctx);
  auto items = ctx->designItem();
  for (size_t i = 0; i < items.size(); ++i) {
    auto *item = items[i];
    // Input skipped after a declaration, up to the next one, belongs to it: an error there damages it.
    uint32_t until = i + 1 < items.size() ? range(items[i + 1]).begin : out.range.end;
    if (auto *cite = item->citeDecl()) {
      out.cites.push_back(optString(cite->STRING()));
    } else if (auto *entity = item->entityDecl()) {
      out.entities.push_back(this->entity(entity));
      out.entities.back().malformed |= damaged({file_, range(item).begin, until});
    } else if (auto *discharge = item->dischargeDecl()) {
      out.discharges.push_back(this->discharge(discharge));
      out.discharges.back().malformed |= damaged({file_, range(item).begin, until});
    } else if (auto *dispute = item->disputeDecl()) {
      out.discharges.push_back(this->dispute(dispute));
      out.discharges.back().malformed |= damaged({file_, range(item).begin, until});
    }
  }
  return out;
}

ast::EntityKind AstBuilder::entityKind(P::VDesignParser::EntityKindContext *ctx) {
  if (!ctx)
    return ast::EntityKind::Recipe; // only after a syntax error, which is reported
  if (ctx->RECIPE())
    return ast::EntityKind::Recipe;
  if (ctx->TREATMENT())
    return ast::EntityKind::Treatment;
  if (ctx->OUTCOME())
    return ast::EntityKind::Outcome;
  if (ctx->POPULATION())
    return ast::EntityKind::Population;
  if (ctx->COVARIATE())
    return ast::EntityKind::Covariate;
  if (ctx->STUDY())
    return ast::EntityKind::Study;
  return ast::EntityKind::Claim;
}

ast::Entity AstBuilder::entity(P::VDesignParser::EntityDeclContext *ctx) {
  ast::Entity out;
  out.kind = entityKind(ctx->entityKind());
  out.name = declName(ctx->declName());
  out.description = optString(ctx->STRING());
  out.range = range(ctx);
  out.doc = docComment(ctx);
  if (auto *proxy = ctx->proxyClause()) {
    ast::ProxyClause clause{qname(proxy->qname()), name(proxy->name()), range(proxy)};
    if (proxy->wrongVia)
      diags_.report<DiagKind::ColonInsteadOfVia>(range(proxy->wrongVia)).replacement = "via";
    out.proxy = std::move(clause);
  }
  if (auto *attrs = ctx->attrBlock())
    out.attributes = attributes(attrs);
  out.malformed = damaged(out.range) || out.name.text.empty();
  return out;
}

ast::Discharge AstBuilder::discharge(P::VDesignParser::DischargeDeclContext *ctx) {
  ast::Discharge out;
  auto names = ctx->qname();
  out.assumption = qname(names.size() > 0 ? names[0] : nullptr);
  out.target = qname(names.size() > 1 ? names[1] : nullptr);
  auto evidence = ctx->name();
  if (ctx->studyName) {
    out.evidence = {"study", range(ctx->STUDY())};
    out.study = name(ctx->studyName);
  } else {
    out.evidence = name(evidence.empty() ? nullptr : evidence[0]);
  }
  auto strings = ctx->STRING();
  if (ctx->checkName) {
    out.checkName = name(ctx->checkName);
    out.checkArgs = attributes(ctx->attrBlock());
  }
  // The first string is the evidence text; a string after `cite` is the citation.
  if (ctx->CITE()) {
    size_t citeIndex = ctx->CITE()->getSymbol()->getTokenIndex();
    for (auto *s : strings) {
      if (s->getSymbol()->getTokenIndex() > citeIndex)
        out.cite = unescape(s->getSymbol());
      else
        out.text = unescape(s->getSymbol());
    }
  } else if (!strings.empty()) {
    out.text = unescape(strings[0]->getSymbol());
  }
  out.range = range(ctx);
  out.malformed = damaged(out.range);
  return out;
}

ast::Discharge AstBuilder::dispute(P::VDesignParser::DisputeDeclContext *ctx) {
  ast::Discharge out;
  out.dispute = true;
  auto names = ctx->qname();
  out.assumption = qname(names.size() > 0 ? names[0] : nullptr);
  out.target = qname(names.size() > 1 ? names[1] : nullptr);
  if (ctx->studyName) {
    out.evidence = {"study", range(ctx->STUDY())};
    out.study = name(ctx->studyName);
  } else {
    out.evidence = name(ctx->name());
  }
  // The first string is the evidence text; a string after `cite` is the citation.
  size_t citeIndex = ctx->CITE() ? ctx->CITE()->getSymbol()->getTokenIndex() : SIZE_MAX;
  for (auto *s : ctx->STRING()) {
    if (s->getSymbol()->getTokenIndex() > citeIndex)
      out.cite = unescape(s->getSymbol());
    else
      out.text = unescape(s->getSymbol());
  }
  out.range = range(ctx);
  out.malformed = damaged(out.range);
  return out;
}

std::vector<ast::Attribute> AstBuilder::attributes(P::VDesignParser::AttrBlockContext *ctx) {
  std::vector<ast::Attribute> out;
  if (!ctx)
    return out;
  for (auto *attr : ctx->attribute())
    out.push_back(attribute(attr));
  return out;
}

ast::Attribute AstBuilder::attribute(P::VDesignParser::AttributeContext *ctx) {
  ast::Attribute out;
  out.key = {ctx->attrKey()->name() ? text(ctx->attrKey()->name()) : text(ctx->attrKey()), range(ctx->attrKey())};
  out.range = range(ctx);
  auto values = ctx->value();
  if (values.size() == 1) {
    out.value = value(values[0]);
  } else {
    out.value.kind = ast::Value::Kind::List;
    for (auto *v : values)
      out.value.items.push_back(value(v));
    if (!values.empty())
      out.value.range = {file_, range(values.front()).begin, range(values.back()).end};
  }
  return out;
}

} // namespace vdc::parse
