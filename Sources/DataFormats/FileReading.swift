import Foundation

/// Reads a whole file, turning Foundation's error into a `DataFormatError`
/// so that every reader in the format modules throws a single error type.
package func readFileData(_ url: URL) throws(DataFormatError) -> Data {
    do {
        return try Data(contentsOf: url)
    } catch {
        throw DataFormatError("cannot read file: \(error.localizedDescription)", file: url.path)
    }
}

/// Runs `body` and stamps any `DataFormatError` it throws with the file path.
package func attributing<T>(to url: URL, _ body: () throws(DataFormatError) -> T) throws(DataFormatError) -> T {
    do {
        return try body()
    } catch {
        throw error.inFile(url.path)
    }
}
