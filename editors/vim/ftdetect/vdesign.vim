" ftdetect/vdesign.vim — recognise vdesign research-design files.
autocmd BufNewFile,BufRead *.vdesign setfiletype vdesign
