import DataFormats
import Foundation
import Testing
import PlainText

/// Tables bounded in width and rows, line wrapping, and file-system errors as one line.
@Suite("Text layout and files") struct TextLayoutTests {
    static func table(rows: Int, cell: String) -> TextTable {
        var t = TextTable(["k", "value", "note"])
        for k in 0..<rows { t.append([String(k), cell, "row \(k)"]) }
        return t
    }

    @Test func unboundedTableIsAligned() {
        let t = Self.table(rows: 2, cell: "1/3")
        #expect(t.render() == "k  value  note\n-  -----  -----\n0  1/3    row 0\n1  1/3    row 1")
    }

    @Test func widthIsBoundedAndLongCellsAreMarked() {
        let t = Self.table(rows: 3, cell: String(repeating: "9", count: 300))
        let lines = t.render(TextLayout(maxWidth: 60)).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines[2].contains("…"))
        #expect(lines[2].hasPrefix("0  999"))
    }

    /// 100 rows, at most 40 shown: the first 30, a line naming the 60 left out, the last 10.
    @Test func rowsAreBoundedWithAHint() {
        let lines = Self.table(rows: 100, cell: "x").render(TextLayout(maxRows: 40, omissionHint: "--all")).split(separator: "\n")
        #expect(lines.count == 2 + 30 + 1 + 10)
        #expect(lines[2 + 29].hasSuffix("row 29"))
        #expect(lines[2 + 30] == "… 60 more rows … (--all)")
        #expect(lines[2 + 31].hasSuffix("row 90"))
        #expect(lines.last!.hasSuffix("row 99"))
    }

    /// Rows passed one at a time to a `TableWindow` render as the whole table does, for every
    /// count around the bound, and only the rows shown are formatted.
    @Test func aWindowRendersTheWholeTableAndFormatsOnlyWhatItShows() {
        final class Counter: @unchecked Sendable { var n = 0 }
        for maxRows in [nil, 1, 3, 4, 12, 40] {
            let layout = TextLayout(maxRows: maxRows, omissionHint: "--all")
            for rows in 0...60 {
                let formatted = Counter()
                var window = TableWindow(["k", "value", "note"], layout) { (k: Int) -> [String] in
                    formatted.n += 1
                    return [String(k), String(repeating: "x", count: k % 7), "row \(k)"]
                }
                var whole = TextTable(["k", "value", "note"])
                for k in 0..<rows {
                    window.pass(k)
                    whole.append([String(k), String(repeating: "x", count: k % 7), "row \(k)"])
                }
                #expect(window.render() == whole.render(layout) && window.count == rows, "\(rows) rows, maxRows \(String(describing: maxRows))")
                let shown = layout.shownRows(rows)
                #expect(formatted.n == shown.first.count + shown.last.count, "\(rows) rows, maxRows \(String(describing: maxRows))")
            }
        }
    }

    @Test func wrapBreaksAtSpacesAndKeepsIndentation() {
        let layout = TextLayout(maxWidth: 30)
        let text = "  - " + (1...12).map { "word\($0)" }.joined(separator: " ")
        let lines = layout.wrap(text).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 30 })
        #expect(lines[0].hasPrefix("  - word1 "))
        #expect(lines[1].hasPrefix("      word"))
        #expect(lines.joined(separator: " ").split(separator: " ").filter { $0.hasPrefix("word") }.count == 12)
        // A word longer than a line is cut where it must be; nothing is lost.
        let long = String(repeating: "7", count: 75)
        let cut = layout.wrap(long).split(separator: "\n")
        #expect(cut.allSatisfy { $0.count <= 30 })
        #expect(cut.map { $0.trimmingCharacters(in: .whitespaces) }.joined() == long)
        #expect(layout.wrap("short line\n\nnext") == "short line\n\nnext")
        // Runs of spaces inside a wrapped line stay as they are.
        #expect(layout.wrap("ok    " + String(repeating: "ab ", count: 10)).hasPrefix("ok    ab ab"))
    }

    @Test func fileSystemErrorsAreOneLine() throws {
        #expect(throws: DataFormatError.self) { try readFileBytes(atPath: "/nonexistent/dlnpath/x.json") }
        do { _ = try readFileBytes(atPath: "/nonexistent-dlnpath-file.json") } catch {
            #expect(error.description == "/nonexistent-dlnpath-file.json: cannot read file: no such file")
        }
        do { _ = try readFileBytes(atPath: "/tmp") } catch {
            #expect(error.description == "/tmp: cannot read file: is a directory, not a file")
        }
        do { try writeTextFile("x", toPath: "/nonexistent/dir/out.json") } catch {
            #expect(error.description == "/nonexistent/dir/out.json: cannot write file: no such directory '/nonexistent/dir'")
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dlnpath-\(UUID().uuidString).txt").path
        try writeTextFile("κ = 1/3\n", toPath: path)
        #expect(try readFileBytes(atPath: path) == Array("κ = 1/3\n".utf8))
        // A file in the way of a directory is named, not Foundation's error code.
        do { try writeTextFile("x", toPath: path + "/under/out.json") } catch {
            #expect(error.description == "\(path)/under/out.json: cannot write file: '\(path)' is not a directory")
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A pipe (`<(…)`, /dev/stdin) has no size to read first: it is read to its end, which
    /// Foundation's Data(contentsOf:) cannot; a device that never ends stops at 1 GiB.
    @Test func pipesAndDevicesAreReadToTheirEnd() throws {
        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("dlnpath-\(UUID().uuidString).fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        let sent = (0..<200_000).map { UInt8($0 % 251) }
        let writer = Thread {
            let descriptor = open(fifo, O_WRONLY)
            _ = sent.withUnsafeBytes { writeAll($0, to: descriptor) }
            close(descriptor)
        }
        writer.start()
        #expect(try readFileBytes(atPath: fifo) == sent)
        #expect(try readFileBytes(atPath: "/dev/null").isEmpty)
        #expect(maximumStreamBytes == 1 << 30)
    }

    /// A device is written in place, its errors reported: an atomic replace would have renamed a
    /// regular file over /dev/full and reported nothing.
    @Test(.enabled(if: FileManager.default.isWritableFile(atPath: "/dev/full")))
    func aDeviceIsWrittenInPlaceAndItsErrorsReported() throws {
        do {
            try writeTextFile("{}\n", toPath: "/dev/full")
            Issue.record("no error writing /dev/full")
        } catch {
            #expect(error.description == "/dev/full: cannot write file: no space left on device")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/full")[.type] as? FileAttributeType == .typeCharacterSpecial)
        try writeTextFile("x", toPath: "/dev/null")
        #expect(try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    /// Boundaries of the width rules: a table exactly as wide as the line is kept; columns narrow
    /// to 8 characters and no fewer; words that fill a line exactly stay on it.
    @Test func widthBoundaries() {
        var fits = TextTable(["aaaaaaaaaa", "bbbbbbbbbb"])
        fits.append(["1", "2"])
        #expect(fits.render(TextLayout(maxWidth: 22)) == "aaaaaaaaaa  bbbbbbbbbb\n----------  ----------\n1           2")
        let wide = TextTable([String(repeating: "a", count: 20), String(repeating: "b", count: 20)])
        #expect(wide.render(TextLayout(maxWidth: 10)) == "aaaaaaa…  bbbbbbb…\n--------  --------")
        #expect(TextLayout(maxWidth: 21).wrap("aaaaaaaaaa bbbbbbbbbb cc") == "aaaaaaaaaa bbbbbbbbbb\n    cc")
    }
}
