// swift-tools-version:6.0
// fincore: a local-first offline sync agent for the Fincore lending platform.
// No package dependencies by design: Foundation, Dispatch, XCTest and two system C libraries.
import PackageDescription

let package = Package(
    name: "fincore",
    products: [
        .executable(name: "fincore", targets: ["fincore"]),
    ],
    targets: [
        // System C libraries, nothing else (see each folder's module.modulemap). readline has no
        // pkg-config entry worth using (it adds flags SwiftPM prohibits); its headers are in /usr/include.
        .systemLibrary(
            name: "CSQLite", path: "Sources/CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]),
        .systemLibrary(
            name: "CReadline", path: "Sources/CReadline",
            providers: [.apt(["libreadline-dev"]), .brew(["readline"])]),

        // A small typed SQLite layer; knows nothing of lending.
        .target(name: "SQLite", dependencies: ["CSQLite"], exclude: ["README.md"]),
        // The lending domain shared by server and agent; knows nothing of storage or HTTP.
        .target(name: "FincoreModel"),
        // HTTP/1.1 on POSIX sockets, a router, HMAC-SHA256.
        .target(name: "HTTP"),
        // The whole API contract on top of HTTP and SQLite, with faults on demand.
        .target(name: "SandboxServer", dependencies: ["HTTP", "SQLite", "FincoreModel"]),
        // How the agent talks to any Fincore server: URLSession, errors, retries, rate limits.
        .target(name: "APIClient", dependencies: ["FincoreModel"]),
        // The local replica: server state, the outbox, sync state; nothing of HTTP.
        .target(name: "Replica", dependencies: ["SQLite", "FincoreModel"]),
        // Push and pull: a decision core (state in, actions out) and a driver that does the I/O.
        .target(name: "Sync", dependencies: ["Replica", "APIClient", "FincoreModel"]),
        // Line editing, command parsing, output formats; nothing of HTTP.
        .target(name: "Console", dependencies: ["CReadline", "FincoreModel"]),
        // The executable that wires everything together.
        .executableTarget(
            name: "fincore",
            dependencies: ["Console", "FincoreModel", "SQLite", "HTTP", "SandboxServer", "APIClient", "Replica", "Sync"]),

        .testTarget(name: "SQLiteTests", dependencies: ["SQLite"]),
        .testTarget(name: "FincoreModelTests", dependencies: ["FincoreModel"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "SandboxServerTests", dependencies: ["SandboxServer", "HTTP", "FincoreModel"]),
        .testTarget(name: "APIClientTests", dependencies: ["APIClient", "SandboxServer", "FincoreModel"]),
        .testTarget(name: "ReplicaTests", dependencies: ["Replica", "SQLite", "FincoreModel"]),
        .testTarget(name: "SyncTests", dependencies: ["Sync", "Replica", "APIClient", "SandboxServer", "FincoreModel", "HTTP"]),
        .testTarget(name: "ConsoleTests", dependencies: ["Console"]),
        // Runs the built `fincore` binary: stdout, stderr and exit status.
        .testTarget(name: "EndToEndTests", dependencies: ["fincore", "HTTP", "SQLite"]),
    ],
    swiftLanguageModes: [.v6]
)
