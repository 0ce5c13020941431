// VDesignLexer.g4 — the tokens of the vdesign language (LANGUAGE.md Section 2).
lexer grammar VDesignLexer;

// Keywords. Every keyword may also serve as an attribute key (see the parser's attrKey).
IMPORT      : 'import';
DESIGN      : 'design';
RECIPE      : 'recipe';
TREATMENT   : 'treatment';
OUTCOME     : 'outcome';
POPULATION  : 'population';
COVARIATE   : 'covariate';
STUDY       : 'study';
CLAIM       : 'claim';
DISCHARGE   : 'discharge';
// A contextual keyword (LANGUAGE.md Part II): it starts a statement in a design, and is a name everywhere else.
DISPUTE     : 'dispute';
// Contextual keywords of the claim forms (LANGUAGE.md Section 14): `T vs C`, `across ATTR`; names everywhere else.
VS          : 'vs';
ACROSS      : 'across';
PROXY       : 'proxy';
OF          : 'of';
VIA         : 'via';
BY          : 'by';
CITE        : 'cite';
ASSUMPTION  : 'assumption';
STRATEGY    : 'strategy';
PARAM       : 'param';
REQUIRES    : 'requires';
SATISFIES   : 'satisfies';
SEVERITY    : 'severity';
WHEN        : 'when';
UNLESS      : 'unless';
// Contextual keywords of theory declarations (LANGUAGE.md Section 15): names everywhere else.
FORBID      : 'forbid';
HINT        : 'hint';
AGGREGATION : 'aggregation';
FOR         : 'for';
ON          : 'on';
IN          : 'in';
FROM        : 'from';
OVER        : 'over';
TRUE        : 'true';
FALSE       : 'false';
// Condition operators; they are ordinary names everywhere else.
AND         : 'and';
OR          : 'or';
NOT         : 'not';

LBRACE   : '{';
RBRACE   : '}';
LBRACK   : '[';
RBRACK   : ']';
LPAREN   : '(';
RPAREN   : ')';
COLON    : ':';
COMMA    : ',';
SEMI     : ';';
DOT      : '.';
EQEQ     : '==';
NEQ      : '!=';
LE       : '<=';
GE       : '>=';
LT       : '<';
GT       : '>';
ASSIGN   : '=';
MINUS    : '-';
STAR     : '*';

// A number with an optional exponent and an optional scale suffix (K, M, B, T).
NUMBER   : DIGITS ('.' DIGITS)? ([eE] [+-]? DIGITS)? [KMBT]?;
IDENT    : [A-Za-z_] [A-Za-z0-9_]*;
STRING   : '"' (ESCAPE | ~["\\\r\n])* '"';
// A string that reaches the end of its line without a closing quote.
UNTERMINATED_STRING : '"' (ESCAPE | ~["\\\r\n])* ('\\')?;

DOC_COMMENT   : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);
UNTERMINATED_COMMENT : '/*' ~[*]* ('*' ~[/]? )*? EOF -> channel(HIDDEN);
WS            : [ \t\r\n\f]+ -> channel(HIDDEN);

// Anything else is reported by the parser as an unexpected character.
ERROR_CHAR : .;

fragment DIGITS : [0-9]+;
fragment ESCAPE : '\\' .;
