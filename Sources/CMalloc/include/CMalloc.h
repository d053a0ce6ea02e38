// A thin C shim over glibc's malloc extensions for Swift.
//
// <malloc.h> is not part of the Glibc module Swift imports, so `malloc_trim` is re-exported
// here; elsewhere (no glibc) it does nothing.
#ifndef DLNPATH_CMALLOC_H
#define DLNPATH_CMALLOC_H

#include <stdlib.h> // defines __GLIBC__ under glibc

#if defined(__GLIBC__)
#include <malloc.h>
/// `malloc_trim(0)`: every free page of every arena back to the system; 1 if any was.
static inline int dln_malloc_trim(void) { return malloc_trim(0); }
#else
static inline int dln_malloc_trim(void) { return 0; }
#endif

#endif
