// A thin C shim over the system zlib for Swift.
//
// zlib's `inflateInit2` is a macro (it passes the library version and the size of z_stream to
// `inflateInit2_`), which Swift's importer cannot see, so it is re-exported here as a
// `static inline` function. Everything else (`inflate`, `inflateEnd`, `crc32`, `deflate*` for
// tests) is a plain function and is used directly.
#ifndef DLNPATH_CZLIB_H
#define DLNPATH_CZLIB_H

#include <zlib.h>

/// `inflateInit2(stream, -15)`: raw deflate (no zlib or gzip wrapper), as in ZIP members.
static inline int dln_inflate_init_raw(z_streamp stream) { return inflateInit2(stream, -15); }

/// `deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY)`: raw deflate.
static inline int dln_deflate_init_raw(z_streamp stream, int level) {
    return deflateInit2(stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
}

#endif
