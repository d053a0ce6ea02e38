import JSONFormat
import Foundation

/// Prints a JSON document on standard output, pretty and stable, streamed in blocks (the
/// document is never one string in memory).
func printJSON(_ value: JSONValue) {
    fflush(nil) // whatever print() buffered goes first
    var out = JSONOutput(fileDescriptor: 1)
    value.write(to: &out)
    out.append("\n")
    out.flush()
}

/// Prints a lazily built JSON document, element by element, with the same bytes as
/// `printJSON(try document.value())`.
func printJSON(_ document: JSONDocument) throws {
    fflush(nil)
    var out = JSONOutput(fileDescriptor: 1)
    defer { out.flush() }
    try document.write(to: &out)
    out.append("\n")
}
