" Vim syntax file
" Language:    vdesign (research designs; compiled by vdc)
" Filenames:   *.vdesign
" Tokens follow grammar/VDesignLexer.g4; tests/editors/vim checks every class.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syn case match
syn sync fromstart
setlocal iskeyword=@,48-57,_,192-255

" ERROR_CHAR: anything that cannot start a token (first, so every other item wins).
syn match vdesignErrorChar  /[^A-Za-z0-9_ \t\r\f{}\[\]():,;.=!<>"\/-]/
syn match vdesignErrorChar  /!\ze\%([^=]\|$\)/
syn match vdesignErrorChar  /\/\ze\%([^/*]\|$\)/

" Names and qualified names (internal.exchangeability).
syn match vdesignIdentifier    /\<\h\w*\>/
syn match vdesignQualifiedName /\<\h\w*\%(\.\h\w*\)\+\>/ contains=vdesignAccessor
syn match vdesignAccessor      /\./ contained

" Keywords are matches (not :syn keyword) so that `from:` and other keys can win.
syn match vdesignImport      /\<import\>/
syn match vdesignDeclKeyword /\<\%(design\|recipe\|treatment\|outcome\|population\|covariate\|study\|claim\|discharge\|dispute\|proxy\|assumption\|strategy\|param\|aggregation\)\>/
syn match vdesignKeyword     /\<\%(of\|via\|by\|cite\|requires\|satisfies\|forbid\|hint\|severity\|when\|unless\|for\|on\|vs\|across\|in\|from\|over\)\>/
syn match vdesignBoolean     /\<\%(true\|false\)\>/

" An attribute key: any name (keywords included) followed by `:`.
syn match vdesignKey         /\<\h\w*\ze\s*:/

" The name a declaration introduces (`recipe llama1b`, `assumption internal.x`, `param n:`).
syn match vdesignDeclName    /\%(\<\%(design\|recipe\|treatment\|outcome\|population\|covariate\|study\|claim\|assumption\|strategy\|param\|aggregation\)\s\+\)\@<=\h\w*\%(\.\h\w*\)*/
syn match vdesignDeclName    /\%(\<proxy\s\+\)\@<=\%(of\>\)\@!\h\w*/

" Conditions (`when` / `unless` to the end of the statement): and, or, not are operators there.
syn region vdesignCondition matchgroup=vdesignKeyword start=/\<\%(when\|unless\)\>/ end=/$\|\ze[};]/ oneline transparent contains=vdesignLogical,vdesignNumber,vdesignString,vdesignUnterminatedString,vdesignBoolean,vdesignComparison,vdesignOperator,vdesignParen,vdesignComment,vdesignBlockComment,vdesignIdentifier,vdesignQualifiedName,vdesignErrorChar
syn match vdesignLogical     /\<\%(and\|or\|not\)\>/ contained

" NUMBER: 3, 2.5, 1e9, 2.5e-3, with an optional scale suffix K M B T.
syn match vdesignNumber      /\<\d\+\%(\.\d\+\)\=\%([eE][+-]\=\d\+\)\=[KMBT]\=\>/ contains=vdesignNumberSuffix
syn match vdesignNumberSuffix /\d\zs[KMBT]\>/ contained

" STRING with escapes; an unknown escape is an error (VD1007).
syn match  vdesignUnterminatedString /"\%([^"\\]\|\\.\)*\\\=$/ contains=vdesignEscape,vdesignBadEscape
syn region vdesignString start=/"/ skip=/\\./ end=/"/ oneline contains=vdesignEscape,vdesignBadEscape
syn match  vdesignBadEscape  /\\./ contained
syn match  vdesignEscape     /\\[\\"nt]/ contained
syn match  vdesignEscape     /\\u{\x\{1,6}}/ contained

" Operators and punctuation.
syn match vdesignOperator    /[=-]/
syn match vdesignComparison  /==\|!=\|<=\|>=\|<\|>/
syn match vdesignBrace       /[{}]/
syn match vdesignBracket     /[\[\]]/
syn match vdesignParen       /[()]/
syn match vdesignDelimiter   /[:,;]/

" Comments (last: they win over everything that starts at the same place).
syn keyword vdesignTodo      contained TODO FIXME XXX NOTE
syn match  vdesignComment      +//.*$+ contains=vdesignTodo,@Spell
syn region vdesignBlockComment start=+/\*+ end=+\*/+ contains=vdesignTodo,@Spell

hi def link vdesignErrorChar          Error
hi def link vdesignIdentifier         Identifier
hi def link vdesignQualifiedName      Type
hi def link vdesignAccessor           Delimiter
hi def link vdesignImport             Include
hi def link vdesignDeclKeyword        Structure
hi def link vdesignKeyword            Keyword
hi def link vdesignBoolean            Boolean
hi def link vdesignKey                Label
hi def link vdesignDeclName           Function
hi def link vdesignLogical            Operator
hi def link vdesignNumber             Number
hi def link vdesignNumberSuffix       Number
hi def link vdesignString             String
hi def link vdesignUnterminatedString Error
hi def link vdesignEscape             SpecialChar
hi def link vdesignBadEscape          Error
hi def link vdesignComparison         Operator
hi def link vdesignOperator           Operator
hi def link vdesignBrace              Delimiter
hi def link vdesignBracket            Delimiter
hi def link vdesignParen              Delimiter
hi def link vdesignDelimiter          Delimiter
hi def link vdesignTodo               Todo
hi def link vdesignComment            Comment
hi def link vdesignBlockComment       Comment

let b:current_syntax = 'vdesign'

let &cpo = s:cpo_save
unlet s:cpo_save
