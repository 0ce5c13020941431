;;; eglot-test.el --- Emacs + eglot in batch as a real client of `vdc lsp'  -*- lexical-binding: t; -*-
;; VDC=path/to/vdc VDESIGN_FILE=broken.vdesign \
;;   emacs --batch -q -L editors/emacs -l tests/editors/emacs/eglot-test.el
;; Prints what it received; exits 1 on failure, including no diagnostics within 15 s.
(require 'vdesign-mode)
(require 'eglot)
(require 'flymake)

(defun eglot-test--fail (fmt &rest args)
  (princ (concat "FAIL: " (apply #'format fmt args) "\n"))
  (kill-emacs 1))

(let* ((vdc (or (getenv "VDC") (eglot-test--fail "VDC is not set")))
       (file (or (getenv "VDESIGN_FILE") (eglot-test--fail "VDESIGN_FILE is not set")))
       (eglot-sync-connect t)
       (eglot-autoreconnect nil)
       (vdesign-server-command (list vdc "lsp")))
  ;; The registration in vdesign-mode.el uses "vdc" from PATH; point it at the binary under test.
  (setq eglot-server-programs
        (cons (cons 'vdesign-mode (list vdc "lsp"))
              (assq-delete-all 'vdesign-mode eglot-server-programs)))
  (find-file file)
  (princ (format "mode: %s\n" major-mode))
  (condition-case err
      ;; eglot-ensure never connects in batch (no command loop); start it directly.
      (apply #'eglot (eglot--guess-contact))
    (error (eglot-test--fail "eglot did not start: %S" err)))
  (let ((server (eglot-current-server)))
    (unless server (eglot-test--fail "no server"))
    (princ (format "server: %s\n" (if (jsonrpc-running-p server) "running" "dead")))
    (let ((deadline (+ (float-time) 15)) diags)
      (while (and (null (setq diags (flymake-diagnostics))) (< (float-time) deadline))
        (accept-process-output nil 0.1))
      (unless diags (eglot-test--fail "no diagnostics within 15 s"))
      (dolist (d (sort diags (lambda (a b) (< (flymake-diagnostic-beg a) (flymake-diagnostic-beg b)))))
        (princ (format "diagnostic: line %d %s %s\n"
                       (line-number-at-pos (flymake-diagnostic-beg d))
                       (flymake-diagnostic-type d)
                       (car (split-string (flymake-diagnostic-text d) "\n"))))))
    (let ((hover (jsonrpc-request server :textDocument/hover
                                  (list :textDocument (eglot--TextDocumentIdentifier)
                                        :position (list :line 3 :character 9)))))
      (princ (format "hover: %s\n" (car (split-string (plist-get (plist-get hover :contents) :value) "\n" t "`+vdesign")))))
    (eglot-shutdown server)
    (princ "shutdown: ok\n")
    (kill-emacs 0))))
;;; eglot-test.el ends here
