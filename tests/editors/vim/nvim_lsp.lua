-- nvim_lsp.lua — Neovim (0.7+) headless as a real LSP client of `vdc lsp`, through editors/vim.
-- usage: VDC=path/to/vdc VDESIGN_EDITORS=editors VDESIGN_FILE=broken.vdesign \
--          nvim --headless --clean -u NONE -c 'luafile nvim_lsp.lua'
-- Prints what it received on stdout; exits non-zero (cquit) on any failure or after a 20 s timeout.
local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end

local ok, err = pcall(function()
  local vdc, editors, file = os.getenv('VDC'), os.getenv('VDESIGN_EDITORS'), os.getenv('VDESIGN_FILE')
  assert(vdc and editors and file, 'VDC, VDESIGN_EDITORS and VDESIGN_FILE must be set')
  vim.opt.runtimepath:prepend(editors .. '/vim')
  vim.cmd('filetype plugin indent on')
  vim.cmd('syntax on')

  require('vdesign').setup({ cmd = { vdc, 'lsp' } })
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  out('filetype: ' .. vim.bo[buf].filetype)
  out('commentstring: ' .. vim.bo[buf].commentstring)

  local attached = vim.wait(10000, function() return #vim.lsp.buf_get_clients(buf) > 0 end, 20)
  if not attached then error('no LSP client attached') end
  local client = vim.lsp.buf_get_clients(buf)[next(vim.lsp.buf_get_clients(buf))]
  local initialized = vim.wait(10000, function() return client.initialized end, 20)
  if not initialized then error('the server did not answer initialize') end
  out('client: ' .. client.name)

  local got = vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  if not got then error('no diagnostics within 10 s') end
  local diags = vim.diagnostic.get(buf)
  table.sort(diags, function(a, b) return a.lnum < b.lnum end)
  for _, d in ipairs(diags) do
    out(string.format('diagnostic: %d:%d %s %s %s', d.lnum + 1, d.col + 1,
      vim.diagnostic.severity[d.severity], tostring(d.code), d.message:gsub('\n.*', '')))
  end

  -- Hover on `small` in `recipe small` (line 4, 0-based 3; column 9).
  local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = 3, character = 9 } }
  local results, herr = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000)
  if not results then error('hover failed: ' .. tostring(herr)) end
  local shown = false
  for _, r in pairs(results) do
    if r.error then error('hover error: ' .. vim.inspect(r.error)) end
    if r.result and r.result.contents then
      local lines = vim.lsp.util.convert_input_to_markdown_lines(r.result.contents)
      out('hover: ' .. table.concat(lines, ' | '))
      shown = true
    end
  end
  if not shown then error('empty hover') end

  vim.lsp.stop_client(client.id)
  vim.wait(5000, function() return client.is_stopped() end, 20)
  out('stopped: ' .. tostring(client.is_stopped()))
end)

if not ok then fail(tostring(err)) else vim.cmd('qall!') end
