// VDesignParser.g4 — the syntax of vdesign files: designs and theory (LANGUAGE.md Sections 3-7, 11).
parser grammar VDesignParser;
options { tokenVocab = VDesignLexer; }

file : (importDecl | topDecl | stray)* EOF ;

// Any token that cannot start a top-level declaration; reported once per run by the AST builder.
stray : ~(IMPORT | DESIGN | ASSUMPTION | STRATEGY | PROXY | AGGREGATION | SEMI | EOF) ;

importDecl : IMPORT (STRING | name) SEMI? ;

topDecl
  : designDecl
  | assumptionDecl
  | strategyDecl
  | proxyKindDecl
  | aggregationDecl
  | SEMI
  ;

// ---- Design layer (Section 4) ----

designDecl : DESIGN declName STRING? LBRACE designItem* RBRACE ;

designItem
  : citeDecl
  | entityDecl
  | dischargeDecl
  | disputeDecl
  | SEMI
  ;

citeDecl : CITE STRING ;

entityDecl
  : entityKind declName STRING? proxyClause? attrBlock?
  ;

entityKind : RECIPE | TREATMENT | OUTCOME | POPULATION | COVARIATE | STUDY | CLAIM ;

// `proxy of X via KIND`; a `:` in place of `via` is accepted here and reported precisely.
proxyClause : PROXY OF qname (VIA | wrongVia=COLON) name ;

// `by study S` (Section 12.1): a study of the design is the evidence.
dischargeDecl
  : DISCHARGE qname FOR qname BY (STUDY studyName=name STRING? | name (STRING | checkName=name attrBlock)?)
    (CITE STRING)?
  ;

// `dispute A for X by KIND "text" cite "..."` (Section 12.3): evidence against an assumption, in words or a study.
disputeDecl
  : DISPUTE qname FOR qname BY (STUDY studyName=name | name) STRING? (CITE STRING)?
  ;

attrBlock : LBRACE attribute* RBRACE ;

attribute : attrKey COLON value (COMMA value)* COMMA? SEMI? ;

attrKey : name | keyword ;

value
  : STRING                                   # stringValue
  | MINUS? NUMBER                            # numberValue
  | (TRUE | FALSE)                           # boolValue
  | qname (VS comparator=qname)? ON qname IN qname   # effectValue
  | LBRACK qname (COMMA qname)* COMMA? RBRACK ON qname IN qname   # rankingValue
  | qname ON qname ACROSS name IN LBRACK qname (COMMA qname)* COMMA? RBRACK   # trendValue
  | qname IN qname                           # predictionValue
  | qname                                    # nameValue
  | entityKind                               # kindValue
  | LBRACK (value (COMMA value)* COMMA?)? RBRACK   # listValue
  ;

// ---- Theory layer (Section 7) ----

assumptionDecl : ASSUMPTION qname STRING? attrBlock ;

strategyDecl : STRATEGY declName STRING? LBRACE strategyItem* RBRACE ;

strategyItem
  : paramDecl
  | satisfiesDecl
  | requiresDecl
  | forbidDecl
  | attribute
  | SEMI
  ;

paramDecl : PARAM paramName COLON typeExpr (ASSIGN value)? ;

typeExpr
  : name LT typeExpr GT                      # genericType
  | name LPAREN name (COMMA name)* COMMA? RPAREN  # enumType
  | name                                     # simpleType
  ;

// `satisfies A, B unless COND` (Section 15): a guarantee that holds only when its condition does.
satisfiesDecl : SATISFIES qname (COMMA qname)* ((WHEN | UNLESS) condition)? ;

// `forbid when COND "message"` (Section 15): a combination of parameters that is an error at the study.
forbidDecl : FORBID (WHEN | UNLESS) condition STRING ;

// `hint "..."` (Section 15): how to settle obligations of this line, in place of the assumption's own hint.
requiresDecl : REQUIRES qname SEVERITY name ((WHEN | UNLESS) condition)? (HINT STRING)? ;

proxyKindDecl : PROXY declName FOR entityKind (COMMA entityKind)* STRING? LBRACE (requiresDecl | SEMI)* RBRACE ;

aggregationDecl : AGGREGATION declName STRING? LBRACE (requiresDecl | SEMI)* RBRACE ;

condition
  : NOT condition                            # notCondition
  | condition AND condition                  # andCondition
  | condition OR condition                   # orCondition
  | LPAREN condition RPAREN                  # parenCondition
  | conditionTerm (STAR conditionTerm)* compareOp value  # compareCondition
  | conditionTerm                            # truthCondition
  ;

// A parameter, or a size of one end of a proxy hop (`proxy.params`, `target.compute`, Section 15).
conditionTerm : paramName (DOT paramName)? ;

compareOp : EQEQ | NEQ | LT | LE | GT | GE ;

// ---- Names ----

// A declaration's name; a quoted string here is a common mistake, reported precisely.
declName : name | STRING ;

qname : name (DOT name)* ;

// The condition operators and the contextual keywords (`dispute`, `vs`, `across`, `forbid`, `hint`) are names
// outside their own places.
name : IDENT | AND | OR | NOT | DISPUTE | VS | ACROSS | FORBID | HINT ;

// A strategy parameter is also a study attribute key, so keywords are allowed (`design`).
paramName : name | keyword ;

keyword
  : IMPORT | DESIGN | RECIPE | TREATMENT | OUTCOME | POPULATION | COVARIATE
  | STUDY | CLAIM | DISCHARGE | PROXY | OF | VIA | BY | CITE | ASSUMPTION
  | STRATEGY | PARAM | REQUIRES | SATISFIES | SEVERITY | WHEN | UNLESS
  | AGGREGATION | FOR | ON | IN | FROM | OVER | TRUE | FALSE
  ;
