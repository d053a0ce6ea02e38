// Intentionally empty: SwiftPM needs one source file in a C target; the shim is all in
// include/CMalloc.h.
#include "CMalloc.h"
