;;; vdesign-mode.el --- Major mode for vdesign research designs  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages
;; URL: see editors/README.md in the vdc source tree

;;; Commentary:

;; Highlighting, comments and indentation for `.vdesign' files, and the
;; registration of `vdc lsp' with eglot.  Set up:
;;
;;   (add-to-list 'load-path "/path/to/vdc/editors/emacs")
;;   (require 'vdesign-mode)
;;   (add-hook 'vdesign-mode-hook #'eglot-ensure)   ; diagnostics, hover, ...
;;
;; Tokens follow grammar/VDesignLexer.g4.

;;; Code:

(defgroup vdesign nil
  "Editing vdesign research designs."
  :group 'languages
  :prefix "vdesign-")

(defcustom vdesign-indent-offset 2
  "Columns per level of `{', `[' or `(' nesting."
  :type 'integer
  :safe #'integerp)

(defcustom vdesign-server-command '("vdc" "lsp")
  "The language server eglot starts for `vdesign-mode' buffers."
  :type '(repeat string))

(defconst vdesign--ident "[A-Za-z_][A-Za-z0-9_]*")
(defconst vdesign--qualified
  (concat vdesign--ident "\\(?:\\." vdesign--ident "\\)*"))

(defconst vdesign-declaration-keywords
  '("design" "recipe" "treatment" "outcome" "population" "covariate" "study"
    "claim" "assumption" "strategy" "aggregation" "param"))

(defconst vdesign-keywords
  '("import" "design" "recipe" "treatment" "outcome" "population" "covariate"
    "study" "claim" "discharge" "proxy" "of" "via" "by" "cite" "assumption"
    "strategy" "param" "requires" "satisfies" "severity" "when" "unless"
    "aggregation" "for" "on" "in" "from" "over" "dispute" "forbid" "hint" "vs"
    "across"))

(defvar vdesign-mode-syntax-table
  (let ((st (make-syntax-table)))
    (modify-syntax-entry ?/ ". 124b" st)
    (modify-syntax-entry ?* ". 23" st)
    (modify-syntax-entry ?\n "> b" st)
    (modify-syntax-entry ?\" "\"" st)
    (modify-syntax-entry ?\\ "\\" st)
    (modify-syntax-entry ?_ "_" st)
    (modify-syntax-entry ?. "." st)
    (modify-syntax-entry ?: "." st)
    (modify-syntax-entry ?, "." st)
    (modify-syntax-entry ?\; "." st)
    (modify-syntax-entry ?= "." st)
    (modify-syntax-entry ?< "." st)
    (modify-syntax-entry ?> "." st)
    (modify-syntax-entry ?! "." st)
    (modify-syntax-entry ?- "." st)
    (modify-syntax-entry ?{ "(}" st)
    (modify-syntax-entry ?} "){" st)
    (modify-syntax-entry ?\[ "(]" st)
    (modify-syntax-entry ?\] ")[" st)
    (modify-syntax-entry ?\( "()" st)
    (modify-syntax-entry ?\) ")(" st)
    st)
  "Syntax table for `vdesign-mode'.")

(defun vdesign--code-p (pos)
  "Non-nil when POS is outside strings and comments."
  (not (nth 8 (save-excursion (syntax-ppss pos)))))

(defun vdesign--in-string-face (face)
  "FACE when the current match starts inside a string, else nil."
  (and (nth 3 (save-excursion (syntax-ppss (match-beginning 0)))) face))

(defun vdesign--unterminated-face ()
  "`font-lock-warning-face' when the match is a string left open at the end of its line."
  (let ((start (match-beginning 0)))
    (and (eq (nth 8 (save-excursion (syntax-ppss (1+ start)))) start)
         'font-lock-warning-face)))

(defun vdesign--match-condition-operator (limit)
  "Find `and', `or' or `not' inside a `when'/`unless' condition before LIMIT."
  (let (found)
    (while (and (not found)
                (re-search-forward "\\_<\\(and\\|or\\|not\\)\\_>" limit t))
      (let ((start (match-beginning 0))
            (data (match-data)))
        (save-excursion
          (goto-char start)
          (when (and (vdesign--code-p start)
                     (re-search-backward "\\_<\\(?:when\\|unless\\)\\_>\\|[{};]"
                                         (line-beginning-position) t)
                     (not (memq (char-after) '(?\{ ?\} ?\;))))
            (setq found t)))
        (set-match-data data)))
    found))

(defvar vdesign-font-lock-keywords
  `(;; ERROR_CHAR: a character that cannot start a token.
    ("[^][A-Za-z0-9_ \t\n\r\f{}():,;.=!<>\"/*-]\\|!\\(?:[^=]\\|$\\)"
     0 font-lock-warning-face)
    ;; The name a declaration introduces.
    (,(concat "\\_<" (regexp-opt vdesign-declaration-keywords t) "\\_>[ \t]+\\("
              vdesign--qualified "\\)")
     (1 font-lock-keyword-face) (2 font-lock-function-name-face))
    (,(concat "\\_<\\(proxy\\)\\_>[ \t]+\\(?:\\(of\\)\\_>\\|\\(" vdesign--ident "\\)\\)")
     (1 font-lock-keyword-face) (2 font-lock-keyword-face nil t)
     (3 font-lock-function-name-face nil t))
    ;; Attribute keys, keywords included (`from:').
    (,(concat "\\_<\\(" vdesign--ident "\\)[ \t]*:") 1 font-lock-variable-name-face)
    (,(concat "\\_<" (regexp-opt vdesign-keywords t) "\\_>") 1 font-lock-keyword-face)
    ("\\_<\\(?:true\\|false\\)\\_>" . font-lock-constant-face)
    (vdesign--match-condition-operator 1 font-lock-builtin-face)
    ;; Qualified names such as internal.exchangeability.
    (,(concat "\\_<" vdesign--ident "\\(?:\\." vdesign--ident "\\)+\\_>") . font-lock-type-face)
    ;; NUMBER with its scale suffix.
    ("\\_<[0-9]+\\(?:\\.[0-9]+\\)?\\(?:[eE][-+]?[0-9]+\\)?[KMBT]?\\_>" . font-lock-constant-face)
    ;; STRING left open at the end of its line (VD1002).
    ("\"\\(?:[^\"\\\\\n]\\|\\\\.\\)*\\\\?$" 0 (vdesign--unterminated-face) prepend)
    ;; Escapes in strings; an unknown one is an error (VD1007).
    ("\\(\\\\\\(?:[\"\\\\nt]\\|u{[0-9A-Fa-f]+}\\)\\)\\|\\(\\\\.\\)"
     (1 (vdesign--in-string-face 'font-lock-constant-face) prepend t)
     (2 (vdesign--in-string-face 'font-lock-warning-face) prepend t)))
  "Highlighting for `vdesign-mode'.")

(defun vdesign--open-string-fence ()
  "Generic string fence syntax unless the match starts in a comment or string."
  (unless (nth 8 (save-excursion (syntax-ppss (match-beginning 0))))
    (string-to-syntax "|")))

(defconst vdesign--syntax-propertize
  (syntax-propertize-rules
   ;; A string left open at the end of its line ends there (the lexer's UNTERMINATED_STRING).
   ("\\(\"\\)\\(?:[^\"\\\\\n]\\|\\\\.\\)*\\\\?\\(\n\\)"
    (1 (vdesign--open-string-fence))
    (2 (and (eq (get-text-property (match-beginning 1) 'syntax-table) (string-to-syntax "|"))
            (string-to-syntax "|")))))
  "Strings end at the end of their line.")

(defun vdesign-indent-line ()
  "Indent the current line by its nesting depth."
  (interactive)
  (let* ((depth (save-excursion (car (syntax-ppss (line-beginning-position)))))
         (closer (save-excursion
                   (back-to-indentation)
                   (and (looking-at "[]})]")
                        (not (nth 8 (syntax-ppss))))))
         (in-comment (nth 4 (save-excursion (syntax-ppss (line-beginning-position)))))
         (column (* vdesign-indent-offset (max 0 (- depth (if closer 1 0)))))
         (offset (- (current-column) (current-indentation))))
    (unless in-comment
      (indent-line-to column)
      (when (> offset 0) (move-to-column (+ column offset))))))

;;;###autoload
(define-derived-mode vdesign-mode prog-mode "vdesign"
  "Major mode for vdesign research designs (`vdc')."
  :syntax-table vdesign-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?://+\\|/\\*+\\)\\s-*")
  (setq-local comment-multi-line nil)
  (setq-local indent-line-function #'vdesign-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local electric-indent-chars (append "{}[]()" electric-indent-chars))
  (setq-local syntax-propertize-function vdesign--syntax-propertize)
  (setq-local font-lock-defaults '(vdesign-font-lock-keywords nil nil)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.vdesign\\'" . vdesign-mode))

;; The language server: `M-x eglot' (or `eglot-ensure' in `vdesign-mode-hook').
(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs `(vdesign-mode . ,vdesign-server-command)))

(provide 'vdesign-mode)
;;; vdesign-mode.el ends here
