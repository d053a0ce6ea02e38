import Foundation

/// Reads a whole file, turning Foundation's error into a `DataFormatError`
/// so that every reader in the format modules throws a single error type.
package func readFileData(_ url: URL) throws(DataFormatError) -> Data {
    var status = stat()
    if stat(url.path, &status) == 0, [S_IFIFO, S_IFCHR].contains(status.st_mode & S_IFMT) { return try readStream(url.path) }
    do {
        // An empty regular file is read without Foundation's `Data(contentsOf:)`, which leaks its
        // 4 KB read buffer on empty files (found by fuzz/FuzzProblem under LeakSanitizer).
        if let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
           attributes[.type] as? FileAttributeType == .typeRegular, (attributes[.size] as? NSNumber)?.intValue == 0 {
            return Data()
        }
        return try Data(contentsOf: url)
    } catch {
        throw DataFormatError("cannot read file: \(fileSystemReason(url.path, error))", file: url.path)
    }
}

/// The most read from a pipe or a device (`<(…)`, /dev/stdin), which has no size to check first.
package let maximumStreamBytes = 1 << 30

/// A pipe or device read to its end, at most `maximumStreamBytes`: `Data(contentsOf:)` cannot.
private func readStream(_ path: String) throws(DataFormatError) -> Data {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw DataFormatError("cannot read file: \(posixReason(errno))", file: path) }
    defer { close(descriptor) }
    var data = Data(), chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { return data }
        if count < 0 {
            if errno == EINTR { continue }
            throw DataFormatError("cannot read file: \(posixReason(errno))", file: path)
        }
        guard data.count + count <= maximumStreamBytes else {
            throw DataFormatError("more than 1 GiB from a pipe or device; save it to a file first", file: path)
        }
        data.append(contentsOf: chunk[..<count])
    }
}

/// The bytes of the file at `path`; a failure is one line naming the file and the reason
/// ("no such file", "is a directory", "permission denied").
public func readFileBytes(atPath path: String) throws(DataFormatError) -> [UInt8] {
    [UInt8](try readFileData(URL(fileURLWithPath: path)))
}

/// Writes `text` (UTF-8) to `path`; a failure is one line naming the file and the reason. A
/// regular file (or a new one) is replaced atomically, so a failed write leaves the old one;
/// anything else that exists (/dev/stdout, a pipe) is written in place, as an atomic replace
/// would rename a regular file over it (seen: `-o /dev/full` replaced the device, no error).
public func writeTextFile(_ text: String, toPath path: String) throws(DataFormatError) {
    var status = stat()
    if stat(path, &status) == 0 && status.st_mode & S_IFMT != S_IFREG {
        return try writeInPlace(Array(text.utf8), toPath: path)
    }
    do {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        throw DataFormatError("cannot write file: \(fileSystemReason(path, error))", file: path)
    }
}

/// `bytes` written to the existing file at `path` through its own descriptor, every write checked.
private func writeInPlace(_ bytes: [UInt8], toPath path: String) throws(DataFormatError) {
    let descriptor = open(path, O_WRONLY | O_TRUNC)
    let failure: Int32? = descriptor < 0 ? errno : bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    if descriptor >= 0 { close(descriptor) }
    if let failure { throw DataFormatError("cannot write file: \(posixReason(failure))", file: path) }
}

/// Writes all of `buffer` to `descriptor`, retrying short and interrupted writes; returns nil, or
/// the errno of the write that failed (EIO for one that wrote nothing).
package func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return written < 0 ? errno : EIO }
        offset += written
    }
    return nil
}

/// Why a file-system operation on `path` failed, in a few words rather than Foundation's
/// paragraph.
package func fileSystemReason(_ path: String, _ error: Error) -> String {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    let parent = (path as NSString).deletingLastPathComponent
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
        if isDirectory.boolValue { return "is a directory, not a file" }
    } else if let blocking = firstExistingAncestor(of: path), !blocking.isDirectory {
        return "'\(blocking.path)' is not a directory"
    } else if !parent.isEmpty, !fm.fileExists(atPath: parent) {
        return "no such directory '\(parent)'"
    }
    let ns = error as NSError
    if ns.domain == NSPOSIXErrorDomain { return posixReason(Int32(ns.code)) }
    if let posix = ns.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
        return posixReason(Int32(posix.code))
    }
    switch ns.code {
    case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
    case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
    case NSFileWriteOutOfSpaceError: return "no space left on the device"
    case NSFileWriteVolumeReadOnlyError: return "read-only file system"
    default:
        // Not Foundation's "(NSCocoaErrorDomain error 512.)".
        return ns.domain == NSCocoaErrorDomain ? "the file system refused it" : error.localizedDescription.split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown error"
    }
}

/// An errno in a few words: "no such file or directory", "permission denied".
package func posixReason(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

/// The nearest ancestor of `path` that exists (a file in the way of a directory to create).
private func firstExistingAncestor(of path: String) -> (path: String, isDirectory: Bool)? {
    var current = (path as NSString).deletingLastPathComponent
    while !current.isEmpty {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: current, isDirectory: &isDirectory) { return (current, isDirectory.boolValue) }
        let up = (current as NSString).deletingLastPathComponent
        if up == current { return nil }
        current = up
    }
    return nil
}

/// Runs `body` and stamps any `DataFormatError` it throws with the file path.
package func attributing<T>(to url: URL, _ body: () throws(DataFormatError) -> T) throws(DataFormatError) -> T {
    do {
        return try body()
    } catch {
        throw error.inFile(url.path)
    }
}
