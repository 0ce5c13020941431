// Confounders.cpp — known unmeasured confounders (`covariate X { observed: false }`, LANGUAGE.md Section 16), listed
// beside the exchangeability obligations of the design's studies.
#include "sema/DesignCheckerImpl.h"

namespace vdc {

void DesignChecker::listUnmeasuredConfounders() {
  std::vector<std::string> unmeasured;
  for (const ast::Entity &e : design_.entities) {
    if (e.kind != ast::EntityKind::Covariate)
      continue;
    const ast::Attribute *observed = ast::findAttribute(e.attributes, "observed");
    if (observed && observed->value.kind == ast::Value::Kind::Bool && !observed->value.boolean)
      unmeasured.push_back(e.name.text);
  }
  if (unmeasured.empty())
    return;
  // Every study of the design runs on one of its recipes or populations, so each study's exchangeability
  // (plain or conditional) is threatened by a confounder nobody measured.
  for (Obligation &o : out_.obligations) {
    const ast::Entity *at = scope_.find(o.attachedTo);
    if (at && at->kind == ast::EntityKind::Study && llvm::StringRef(o.assumption->name).endswith("exchangeability"))
      o.unmeasuredConfounders = unmeasured;
  }
}

} // namespace vdc
