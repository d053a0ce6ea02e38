#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A JSON document described once and rendered two ways: as a `JSONValue` tree (`value()`) or
/// streamed (`write(to:indent:)`), where long arrays are built one element at a time, written and
/// dropped, so a document of gigabytes never exists in memory. Both renderings give the same
/// bytes as `JSONValue.write(to:pretty: true)` on the tree.
public indirect enum JSONDocument {
    /// A value built in full (small parts of the document).
    case value(JSONValue)
    /// An array whose elements are produced on demand, in order, each exactly once per rendering.
    case elements(count: Int, element: (Int) throws -> JSONValue)
    /// An array whose elements are read from a sequence (e.g. a file of elements), each once.
    case sequence(AnySequence<JSONValue>)
    /// An object of lazily rendered members, keys in this order.
    case object([(String, JSONDocument)])
    /// An array of `count` objects already written to `file` (from its start) as this array's
    /// pretty text at its place in the document: each element indented and written at that
    /// indent (e.g. 4 for a member of the top-level object), separated by ",\n". The text is
    /// copied, never held in memory (`compare --json`'s knots, written while the path is
    /// computed), once: streamed into a file descriptor, the copy drains the file
    /// (`JSONOutput.append(file:)`).
    case spilled(count: Int, file: UnsafeMutablePointer<FILE>)
    /// An array of `count` objects, element i written straight into the output by
    /// `write(i, &out, indent)` at the element's indent with `JSONOutput.appendMember` (the bytes
    /// of the same object as a `JSONValue`): long numbers go to text without a tree.
    case objects(count: Int, write: (Int, inout JSONOutput, Int) throws -> Void)
    /// An array of `count` objects or arrays rendered ahead as pretty text (UTF-8), each at the
    /// indent its place gives it (`text(indent)` yields them in order): long arrays rendered on
    /// several threads (`compare --json`), only copied here.
    case rendered(count: Int, text: (_ indent: Int) -> AnySequence<[UInt8]>)

    /// The document as one tree.
    public func value() throws -> JSONValue {
        switch self {
        case .value(let v): return v
        case .elements(let count, let element): return .array(try (0..<count).map(element))
        case .sequence(let items): return .array(Array(items))
        case .object(let members): return .object(JSONObject(try members.map { ($0.0, try $0.1.value()) }))
        case .spilled(let count, let file):
            var out = JSONOutput()
            JSONDocument.copy(count: count, file, to: &out, indent: 0)
            return try JSONValue.parse(out.string)
        case .objects:
            var out = JSONOutput()
            try write(to: &out)
            return try JSONValue.parse(out.string)
        case .rendered(_, let text):
            return .array(try text(0).map { try JSONValue.parse(String(decoding: $0, as: UTF8.self)) })
        }
    }

    /// Writes the pretty text of `value()` at `indent`, element by element.
    public func write(to out: inout JSONOutput, indent: Int = 0) throws {
        switch self {
        case .value(let v):
            v.write(to: &out, indent: indent)
        case .elements(let count, let element):
            try JSONDocument.writeArray(0..<count, to: &out, indent: indent, element)
        case .sequence(let items):
            try JSONDocument.writeArray(items, to: &out, indent: indent) { $0 }
        case .spilled(let count, let file):
            JSONDocument.copy(count: count, file, to: &out, indent: indent)
        case .objects(let count, let element):
            guard count > 0 else { return out.append("[]") }
            out.append("[\n")
            for i in 0..<count {
                out.appendSpaces(indent + 2)
                try element(i, &out, indent + 2)
                out.append(i + 1 < count ? ",\n" : "\n")
            }
            out.appendSpaces(indent)
            out.append("]")
        case .rendered(let count, let text):
            // The layout `writeArray` gives objects and arrays.
            guard count > 0 else { return out.append("[]") }
            out.append("[\n")
            for (i, element) in text(indent + 2).enumerated() {
                if i > 0 { out.append(",\n") }
                out.appendSpaces(indent + 2)
                element.withUnsafeBufferPointer { out.append(bytes: $0) }
            }
            out.append("\n")
            out.appendSpaces(indent)
            out.append("]")
        case .object(let members) where members.isEmpty:
            out.append("{}")
        case .object(let members):
            out.append("{\n")
            for (i, (key, member)) in members.enumerated() {
                out.appendSpaces(indent + 2)
                out.appendQuoted(key)
                out.append(": ")
                try member.write(to: &out, indent: indent + 2)
                out.append(i + 1 < members.count ? ",\n" : "\n")
            }
            out.appendSpaces(indent)
            out.append("}")
        }
    }

    /// Writes the document and a newline to a file descriptor (standard output by default),
    /// streamed, after whatever `print` buffered: the bytes of `value().writeDocument(…)`.
    public func writeDocument(toFileDescriptor descriptor: Int32 = 1) throws {
        fflush(nil)
        var out = JSONOutput(fileDescriptor: descriptor)
        defer { out.flush() }
        try write(to: &out)
        out.append("\n")
    }

    private static func copy(count: Int, _ file: UnsafeMutablePointer<FILE>, to out: inout JSONOutput, indent: Int) {
        guard count > 0 else { return out.append("[]") }
        out.append("[\n")
        out.append(file: file)
        out.append("\n")
        out.appendSpaces(indent)
        out.append("]")
    }

    /// Elements that are objects or arrays go one per line; an array that starts with a scalar
    /// may fit on one line, which only the whole array decides, so it is built in full.
    private static func writeArray<S: Sequence>(_ items: S, to out: inout JSONOutput, indent: Int,
                                                _ element: (S.Element) throws -> JSONValue) throws {
        var iterator = items.makeIterator()
        guard let firstItem = iterator.next() else { return out.append("[]") }
        let first = try element(firstItem)
        switch first {
        case .array, .object:
            break
        default:
            var all = [first]
            while let item = iterator.next() { all.append(try element(item)) }
            return JSONValue.array(all).write(to: &out, indent: indent)
        }
        out.append("[\n")
        var current = first
        while true {
            out.appendSpaces(indent + 2)
            current.write(to: &out, indent: indent + 2)
            guard let item = iterator.next() else { break }
            current = try element(item)
            out.append(",\n")
        }
        out.append("\n")
        out.appendSpaces(indent)
        out.append("]")
    }
}
