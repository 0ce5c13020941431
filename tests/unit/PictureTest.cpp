// PictureTest.cpp — Graphviz inside vdc: a graph it cannot read or a format it does not know is an error message,
// never a crash, and what it can draw is a well-formed SVG element.
#include "report/SvgReport.h"

#include <catch2/catch.hpp>

using namespace vdc;

TEST_CASE("Graphviz draws DOT text as SVG") {
  Picture picture = renderDot("digraph g { a -> b [label=\"x &amp; <y>\"]; }", "svg");
  REQUIRE(picture.ok());
  CHECK(picture.data.find("<svg") != std::string::npos);
  CHECK(picture.data.find("x &amp; &lt;y&gt;") != std::string::npos);
}

TEST_CASE("a graph Graphviz cannot read is an error message") {
  Picture picture = renderDot("digraph g { a -> ", "svg");
  CHECK_FALSE(picture.ok());
  CHECK(picture.data.empty());
  CHECK(picture.error.rfind("Graphviz could not read the graph: ", 0) == 0);
  CHECK(picture.error.find("syntax error") != std::string::npos);
}

TEST_CASE("a format Graphviz does not know is an error message") {
  Picture picture = renderDot("digraph g { a -> b; }", "no-such-format");
  CHECK_FALSE(picture.ok());
  CHECK(picture.error.rfind("Graphviz could not render no-such-format: ", 0) == 0);
  // Graphviz still works afterwards: its state was released.
  CHECK(renderDot("digraph g { a -> b; }", "svg").ok());
}
