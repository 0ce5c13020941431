" indent/vdesign.vim — indent by brace, bracket and paren depth.
if exists('b:did_indent')
  finish
endif
let b:did_indent = 1

setlocal autoindent nosmartindent nocindent
setlocal indentexpr=GetVdesignIndent(v:lnum)
setlocal indentkeys=0{,0},0],0),!^F,o,O
let b:undo_indent = 'setlocal autoindent< smartindent< cindent< indentexpr< indentkeys<'

if exists('*GetVdesignIndent')
  finish
endif

" The net number of openers on a line, ignoring strings and comments.
function! s:Net(lnum) abort
  let line = getline(a:lnum)
  let line = substitute(line, '"\%([^"\\]\|\\.\)*"', '""', 'g')
  let line = substitute(line, '/\*.\{-}\*/', '', 'g')
  let line = substitute(line, '//.*$', '', '')
  return len(substitute(line, '[^{[(]', '', 'g')) - len(substitute(line, '[^}\])]', '', 'g'))
endfunction

function! GetVdesignIndent(lnum) abort
  let prev = prevnonblank(a:lnum - 1)
  if prev == 0
    return 0
  endif
  let ind = indent(prev)
  let net = s:Net(prev)
  " A line that starts with closers was already dedented; count only what opens.
  let lead = len(matchstr(getline(prev), '^\s*\zs[}\])]\+'))
  let ind += shiftwidth() * (net + lead)
  if getline(a:lnum) =~# '^\s*[}\])]'
    let ind -= shiftwidth()
  endif
  return max([ind, 0])
endfunction
