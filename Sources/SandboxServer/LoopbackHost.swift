import Foundation

/// Decides whether the sandbox may deliver to a URL: only to this machine (127.0.0.0/8,
/// `localhost`, `[::1]`).
///
/// The contract accepts any http(s) URL at `POST /v1/webhooks`; the sandbox is a test tool that
/// may run with seeded or hostile data, so it never posts to other hosts (a delivery there is
/// recorded as `skipped`) and never follows redirects (see `WebhookPoster`).
enum LoopbackHost {
    static func accepts(_ url: String) -> Bool {
        guard let host = URL(string: url)?.host?.lowercased() else { return false }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare == "localhost" || bare == "localhost." || bare == "::1" { return true }
        let octets = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ $0.count <= 3 && UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}
