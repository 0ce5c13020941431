-- lua/vdesign.lua — start `vdc lsp` for vdesign buffers in Neovim 0.7 and newer.
--
-- Put editors/vim on 'runtimepath' and call, from init.lua:
--   require('vdesign').setup()                       -- uses `vdc` from $PATH
--   require('vdesign').setup({ cmd = { '/path/to/vdc', 'lsp' } })
--
-- Uses only vim.lsp.start_client and vim.lsp.buf_attach_client (0.7 has no vim.lsp.start), and one
-- client per project root (the nearest directory holding .git, or the file's own directory).
local M = {}

M.config = {
  cmd = { 'vdc', 'lsp' },
  root_markers = { '.git' },
  on_attach = nil, -- function(client, bufnr): set your keymaps here
  capabilities = nil,
  settings = nil,
}

local clients = {} -- root directory -> client id

local function root_for(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(name, ':p:h')
  for _, marker in ipairs(M.config.root_markers) do
    local found = vim.fn.finddir(marker, dir .. ';')
    if found == '' then
      found = vim.fn.findfile(marker, dir .. ';')
    end
    if found ~= '' then
      return vim.fn.fnamemodify(found, ':p:h:h')
    end
  end
  return dir
end

-- Start (or reuse) the client for this buffer's root and attach the buffer. Returns the client id.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local root = root_for(bufnr)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.get_client_by_id(id).is_stopped() then
    id = vim.lsp.start_client({
      name = 'vdc',
      cmd = M.config.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      capabilities = M.config.capabilities or vim.lsp.protocol.make_client_capabilities(),
      settings = M.config.settings,
      on_attach = M.config.on_attach,
    })
    if id == nil then
      vim.notify('vdesign: could not start ' .. table.concat(M.config.cmd, ' '), vim.log.levels.ERROR)
      return nil
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  M.config = vim.tbl_extend('force', M.config, opts or {})
  -- Neovim 0.7 reads ftdetect/ from 'runtimepath'; this covers a plain require() as well.
  vim.cmd([[autocmd BufNewFile,BufRead *.vdesign setfiletype vdesign]])
  local group = vim.api.nvim_create_augroup('vdesign_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'vdesign',
    callback = function(args) M.attach(args.buf) end,
  })
end

return M
