import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTP

/// Sends one signed `POST <url>` for a delivery over URLSession and says how it went.
final class WebhookPoster: Sendable {
    private let session: URLSession

    init(timeoutSeconds: Double = 10) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeoutSeconds
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: RefuseRedirects(), delegateQueue: nil)
    }

    /// The answer's status code, or nil when the request failed in transport (refused, timed out).
    ///
    /// Signed at send time (`t` is now), so a late retry still passes the receiver's 300 s check.
    func post(_ delivery: WebhookDelivery) async -> Int? {
        guard let url = URL(string: delivery.url) else { return nil }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = delivery.body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("fincore-sandbox-webhooks/1", forHTTPHeaderField: "User-Agent")
        let timestamp = Int64(Date().timeIntervalSince1970)
        request.setValue(WebhookSignature.header(secret: delivery.secret, body: delivery.body, timestamp: timestamp),
                         forHTTPHeaderField: WebhookSignature.headerName)
        do {
            let (_, response) = try await session.data(for: request)
            return (response as? HTTPURLResponse)?.statusCode
        } catch {
            return nil
        }
    }

    /// Cancels every request in flight; the poster cannot be used afterwards.
    func invalidate() {
        session.invalidateAndCancel()
    }
}

/// Answers every redirect with "do not follow": a 3xx is a failed attempt, and a loopback
/// endpoint can never bounce a delivery to another host (see `LoopbackHost`).
private final class RefuseRedirects: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
