# lit.cfg.py — the golden-test suite: every .vdesign/.test file here is run with its RUN lines.
import os
import lit.formats

config.name = "vdc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".vdesign", ".test"]
config.excludes = ["Inputs", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.vdc_bin_dir, "tests", "lit")

llvm_bin = os.path.dirname(config.filecheck)
config.environment["PATH"] = os.pathsep.join([config.vdc_bin_dir, llvm_bin, config.environment.get("PATH", "")])
config.environment.pop("NO_COLOR", None)
config.environment.pop("VDESIGN_PATH", None)
config.environment.pop("VDC_STDLIB_FROM_SOURCE", None)
# Under AddressSanitizer, shadow memory and the quarantine of freed blocks make every process several times
# larger: memory bounds (tests/tools/peak_memory.py) are scaled by a factor and raised by a fixed base.
vdc_sanitized = config.vdc_sanitize.upper() in ("ON", "1", "TRUE", "YES")
config.environment["VDC_MEMORY_FACTOR"] = "4" if vdc_sanitized else "1"
config.environment["VDC_MEMORY_BASE_MB"] = "128" if vdc_sanitized else "0"

config.substitutions.append(("%vdc", os.path.join(config.vdc_bin_dir, "vdc")))
config.substitutions.append(("%FileCheck", config.filecheck + " --strict-whitespace"))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%srcroot", config.vdc_src_dir))
config.substitutions.append(("%layering", os.path.join(config.vdc_bin_dir, "layering.json")))
config.substitutions.append(("%examples", os.path.join(config.vdc_src_dir, "examples")))
config.substitutions.append(("%stdlib", os.path.join(config.vdc_src_dir, "stdlib")))
config.substitutions.append(("%tools", os.path.join(config.vdc_src_dir, "tests", "tools")))
config.substitutions.append(("%editors", os.path.join(config.vdc_src_dir, "editors")))
