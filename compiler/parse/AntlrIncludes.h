// AntlrIncludes.h — the one place that includes the ANTLR runtime and the generated parser, with warnings silenced.
#pragma once

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wattributes"
#include <antlr4-runtime.h>
#include "VDesignLexer.h"
#include "VDesignParser.h"
#pragma GCC diagnostic pop
