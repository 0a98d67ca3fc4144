import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension TransportFailure {
    /// The one place a Foundation networking error becomes a `TransportFailure` (STYLE habit 6).
    public init(_ error: any Error, request: String = "") {
        if error is CancellationError {
            self.init(kind: .cancelled, request: request)
        } else if let urlError = error as? URLError {
            self.init(kind: Self.kind(of: urlError.code), urlErrorCode: urlError.code.rawValue, request: request)
        } else {
            self.init(kind: .other, request: request)
        }
    }

    /// The kind for a `URLError` code; codes not listed are `.other`.
    static func kind(of code: URLError.Code) -> Kind {
        switch code {
        case .notConnectedToInternet, .dataNotAllowed, .internationalRoamingOff, .callIsActive:
            return .notConnected
        case .cannotFindHost, .dnsLookupFailed:
            return .dns
        case .cannotConnectToHost:
            return .refused
        case .networkConnectionLost:
            return .connectionLost
        case .unknown:
            // Linux's FoundationNetworking reports some dropped connections (a POST answered
            // by a closed socket) only as -1; treating it as lost lets the same key retry it.
            return .connectionLost
        case .timedOut:
            return .timedOut
        case .badServerResponse, .cannotParseResponse, .zeroByteResource, .cannotDecodeRawData,
             .cannotDecodeContentData:
            return .badResponse
        case .secureConnectionFailed, .serverCertificateHasBadDate, .serverCertificateUntrusted,
             .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid,
             .clientCertificateRejected, .clientCertificateRequired:
            return .tls
        case .cancelled:
            return .cancelled
        default:
            return .other
        }
    }
}
