// markdown_tokens.js — what a Markdown renderer makes of vdc's Markdown: the structure, not the text.
//
// usage: node markdown_tokens.js FILE...   (NODE_PATH=tests/tools/npm/node_modules)
//        node markdown_tokens.js --lsp-hovers OUTPUT   (the output of `vdc lsp --test`: each hover's Markdown)
// Each FILE is parsed with markdown-it (CommonMark with GitHub's tables, raw HTML allowed as GitHub allows it)
// and one JSON line per file is printed: the headings ("h2 TEXT"), the number of table body rows, and every
// element that user text must never produce: images, links, raw HTML (other than the <br> and <sub> vdc writes),
// HTML blocks (an unclosed `<!--` starts one that hides the rest of the document), lists and thematic breaks.
"use strict";
const fs = require("fs");
const md = require("markdown-it")({ html: true, linkify: false });

const OWN_HTML = /^(<br>|<sub>|<\/sub>)$/;

function walk(tokens, out, state) {
  for (const t of tokens) {
    if (t.type === "heading_open") state.heading = t.tag;
    else if (t.type === "heading_close") state.heading = null;
    else if (t.type === "inline" && state.heading) out.headings.push(`${state.heading} ${t.content}`);
    else if (t.type === "tbody_open") state.body = true;
    else if (t.type === "tbody_close") state.body = false;
    else if (t.type === "tr_open" && state.body) out.table_rows += 1;
    else if (t.type === "image") out.images.push(t.attrGet("src"));
    else if (t.type === "link_open") out.links.push(t.attrGet("href"));
    else if (t.type === "html_block") out.html_blocks.push(t.content.slice(0, 60));
    else if (t.type === "html_inline" && !OWN_HTML.test(t.content)) out.html_inline.push(t.content);
    else if (t.type === "hr") out.rules += 1;
    else if (t.type === "bullet_list_open" || t.type === "ordered_list_open") out.lists += 1;
    else if (t.type === "code_block") out.code_blocks += 1;
    if (t.children) walk(t.children, out, state);
  }
}

function show(name, text) {
  const out = { file: name, headings: [], table_rows: 0, images: [], links: [], html_blocks: [], html_inline: [],
                rules: 0, lists: 0, code_blocks: 0 };
  walk(md.parse(text, {}), out, { heading: null, body: false });
  console.log(JSON.stringify(out));
}

if (process.argv[2] === "--lsp-hovers") {
  for (const part of fs.readFileSync(process.argv[3], "utf8").split("\n---\n")) {
    if (!part.trim()) continue;
    const message = JSON.parse(part);
    const value = message.result && message.result.contents && message.result.contents.value;
    if (typeof value === "string") show(`hover ${message.id}`, value);
  }
} else {
  for (const file of process.argv.slice(2)) show(file, fs.readFileSync(file, "utf8"));
}
