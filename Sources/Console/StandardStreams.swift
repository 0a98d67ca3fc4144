import Foundation

/// Writes text to standard output and standard error, unbuffered at line ends.
///
/// Everything fincore prints goes through here so that tests and scripts see stdout and stderr
/// exactly as separated, and so that output never interleaves half-lines across the two streams.
public enum StandardStreams {
    public static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
