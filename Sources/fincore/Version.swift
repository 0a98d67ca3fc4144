/// The version `fincore --version` prints; bumped with each release.
enum Version {
    static let current = "0.1.0"
}
