import CZlib
import DataFormats

/// A raw-DEFLATE (RFC 1951) stream decoded by the system zlib, on demand and never past what the
/// caller asks for: `read(_:)` returns at most the requested number of bytes, so a member that
/// inflates to gigabytes costs only what is read of it.
///
/// Error offsets are positions in the archive (`base` + bytes consumed).
final class RawInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let base: Int
    /// True once zlib has seen the end of the deflate stream.
    private(set) var finished = false

    /// A decoder for `compressed`, which starts at byte `base` of the archive.
    init(_ compressed: ArraySlice<UInt8>, base: Int) throws(DataFormatError) {
        self.base = base
        input = .allocate(capacity: Swift.max(compressed.count, 1))
        _ = input.initialize(from: compressed)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        stream.pointee.next_in = input.baseAddress
        stream.pointee.avail_in = UInt32(compressed.count)
        guard dln_inflate_init_raw(stream) == Z_OK else {
            stream.deallocate()
            input.deallocate()
            throw DataFormatError("zlib could not start a deflate decoder", at: .byteOffset(base))
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    /// Bytes of compressed input consumed so far.
    var consumed: Int { Int(stream.pointee.total_in) }

    /// The next `count` inflated bytes, or fewer when the deflate stream ends first.
    func read(_ count: Int) throws(DataFormatError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count && !finished {
            let chunk = Swift.min(count - filled, 1 << 30)
            let status = output.withUnsafeMutableBufferPointer { buffer in
                stream.pointee.next_out = buffer.baseAddress! + filled
                stream.pointee.avail_out = UInt32(chunk)
                return inflate(stream, Z_NO_FLUSH)
            }
            let produced = chunk - Int(stream.pointee.avail_out)
            filled += produced
            switch status {
            case Z_STREAM_END:
                finished = true
            case Z_OK:
                continue
            case Z_BUF_ERROR where produced == 0:
                // No progress with output space left: the input ran out inside the stream.
                throw DataFormatError("corrupt deflate data: compressed data ends before the deflate stream does",
                                      at: .byteOffset(base + consumed))
            case Z_BUF_ERROR:
                continue
            case Z_MEM_ERROR:
                throw DataFormatError("zlib ran out of memory while inflating", at: .byteOffset(base + consumed))
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw DataFormatError("corrupt deflate data: \(reason)", at: .byteOffset(base + consumed))
            }
        }
        if filled < count { output.removeLast(count - filled) }
        return output
    }
}

/// CRC-32 (ISO-HDLC, the ZIP checksum) by zlib.
func crc32Checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt = 0
    var offset = 0
    bytes.withUnsafeBufferPointer { buffer in
        // zlib takes lengths as 32-bit integers.
        while offset < buffer.count {
            let length = Swift.min(buffer.count - offset, 1 << 30)
            crc = crc32(crc, buffer.baseAddress! + offset, UInt32(length))
            offset += length
        }
    }
    return UInt32(truncatingIfNeeded: crc)
}
