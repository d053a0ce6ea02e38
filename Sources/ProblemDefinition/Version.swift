/// The version of the DLNPath library and of the `dlnpath` tool built from it (`dlnpath --version`).
public enum DLNPathVersion {
    public static let current = "0.2.0"
}
