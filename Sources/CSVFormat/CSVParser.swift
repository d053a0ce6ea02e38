import DataFormats
/// Splits CSV text into records, tracking the line each record starts on.
/// Works on Unicode scalars so that CR and LF are seen individually.
struct CSVParser {
    private let chars: [Unicode.Scalar]
    private var pos = 0
    private var line = 1

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        chars = scalars
    }

    mutating func parseRecords() throws(DataFormatError) -> (rows: [[String]], lines: [Int]) {
        var rows: [[String]] = []
        var lines: [Int] = []
        while pos < chars.count {
            if skipBlankOrCommentLine() { continue }
            let startLine = line
            rows.append(try parseRecord())
            lines.append(startLine)
        }
        return (rows, lines)
    }

    /// Consumes the current line if it is blank or a `#` comment.
    private mutating func skipBlankOrCommentLine() -> Bool {
        var i = pos
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        if i < chars.count, chars[i] != "\n", chars[i] != "\r", chars[i] != "#" { return false }
        pos = i
        while pos < chars.count, chars[pos] != "\n", chars[pos] != "\r" { pos += 1 }
        consumeNewline()
        return true
    }

    /// Parses fields up to and including the end of the record's last line.
    private mutating func parseRecord() throws(DataFormatError) -> [String] {
        var fields: [String] = []
        while true {
            skipSpaces()
            if pos < chars.count, chars[pos] == "\"" {
                fields.append(try parseQuotedField())
            } else {
                fields.append(try parseUnquotedField())
            }
            if pos < chars.count, chars[pos] == "," {
                pos += 1
                continue
            }
            consumeNewline()
            return fields
        }
    }

    private mutating func parseQuotedField() throws(DataFormatError) -> String {
        let openLine = line
        pos += 1
        var field = String.UnicodeScalarView()
        while true {
            guard pos < chars.count else {
                throw DataFormatError("unterminated quoted field (the quote opens on this line)", at: .line(openLine))
            }
            let c = chars[pos]
            if c == "\"" {
                if pos + 1 < chars.count, chars[pos + 1] == "\"" {
                    field.append("\"")
                    pos += 2
                    continue
                }
                pos += 1
                break
            }
            if c == "\n" || (c == "\r" && !(pos + 1 < chars.count && chars[pos + 1] == "\n")) { line += 1 }
            field.append(c)
            pos += 1
        }
        skipSpaces()
        if pos < chars.count, chars[pos] != ",", chars[pos] != "\n", chars[pos] != "\r" {
            throw DataFormatError("unexpected character '\(chars[pos])' after a closing quote", at: .line(line))
        }
        return String(field)
    }

    private mutating func parseUnquotedField() throws(DataFormatError) -> String {
        var field = String.UnicodeScalarView()
        while pos < chars.count {
            let c = chars[pos]
            if c == "," || c == "\n" || c == "\r" { break }
            if c == "\"" {
                throw DataFormatError("quote character inside an unquoted field (quote the whole field)",
                                      at: .line(line))
            }
            field.append(c)
            pos += 1
        }
        while let last = field.last, last == " " || last == "\t" { field.removeLast() }
        return String(field)
    }

    private mutating func skipSpaces() {
        while pos < chars.count, chars[pos] == " " || chars[pos] == "\t" { pos += 1 }
    }

    /// Consumes one LF, CRLF or lone CR, counting the line.
    private mutating func consumeNewline() {
        guard pos < chars.count else { return }
        if chars[pos] == "\r" {
            pos += 1
            if pos < chars.count, chars[pos] == "\n" { pos += 1 }
            line += 1
        } else if chars[pos] == "\n" {
            pos += 1
            line += 1
        }
    }
}
