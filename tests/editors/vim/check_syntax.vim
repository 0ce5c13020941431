" check_syntax.vim — checks the Vim syntax group of every token class in a file.
" usage: vim -Nu NONE -i NONE -es -c 'set rtp^=EDITORS/vim' -c 'filetype plugin indent on' -c 'syntax on'
"          -c 'let g:expect = "tokens.expect"' -S check_syntax.vim FILE.vdesign
" Prints one line per check to stdout; exits 1 if any check fails, 2 if the file type was not set.
let s:out = []
let s:failed = 0
if &filetype !=# 'vdesign' || !exists('b:current_syntax')
  call writefile(['FAIL: filetype=' . &filetype . ' (editors/vim not on runtimepath?)'], '/dev/stdout')
  cquit 2
endif
for s:spec in readfile(g:expect)
  if s:spec =~# '^\s*\%(#\|$\)'
    continue
  endif
  let [s:lnum, s:text, s:want] = split(s:spec)
  let s:nth = 1
  if s:text =~# '[~]\d\+$' && len(s:text) > 2
    let s:nth = str2nr(matchstr(s:text, '[~]\zs\d\+$'))
    let s:text = substitute(s:text, '[~]\d\+$', '', '')
  endif
  let s:line = getline(str2nr(s:lnum))
  let s:idx = -1
  for s:i in range(s:nth)
    let s:idx = stridx(s:line, s:text, s:idx + 1)
  endfor
  if s:idx < 0
    call add(s:out, printf('FAIL %s: %s not found', s:lnum, s:text))
    let s:failed += 1
    continue
  endif
  let s:got = synIDattr(synID(str2nr(s:lnum), s:idx + 1, 1), 'name')
  if s:got ==# s:want
    call add(s:out, printf('ok %s %s %s', s:lnum, s:text, s:got))
  else
    call add(s:out, printf('FAIL %s %s: expected %s, got %s', s:lnum, s:text, s:want, s:got == '' ? '(none)' : s:got))
    let s:failed += 1
  endif
endfor
" Buffer settings from the ftplugin and indent script.
call add(s:out, 'commentstring=' . &commentstring)
call add(s:out, 'indentexpr=' . &indentexpr)
call add(s:out, s:failed ? printf('%d FAILED', s:failed) : 'all syntax checks passed')
call writefile(s:out, '/dev/stdout')
if s:failed
  cquit 1
endif
qall!
