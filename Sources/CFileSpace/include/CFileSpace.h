// A thin C shim over Linux's fallocate for Swift.
//
// `fallocate` and its flags need _GNU_SOURCE, which Swift's Glibc module does not define (and a
// header of a module cannot: its system headers are shared with Glibc's), so hole punching is
// compiled in CFileSpace.c; elsewhere (no Linux) it does nothing.
#ifndef DLNPATH_CFILESPACE_H
#define DLNPATH_CFILESPACE_H

/// Frees the file's pages (and blocks) in [offset, offset + length), keeping its size: they read
/// as zeros after. 0 on success, -1 (errno set) where the file system cannot.
int dln_punch_hole(int fd, long long offset, long long length);

#endif
