import FincoreModel
import Foundation

/// One event on its way to one endpoint: the signed body and where it goes.
///
/// It holds the endpoint's secret for signing; its description leaves the secret out so that a
/// delivery can be logged (STYLE: secrets never in logs or error messages).
struct WebhookDelivery: Sendable, CustomStringConvertible {
    let eventID: EventID
    let eventType: EventType
    let webhookID: WebhookID
    var url: String
    var secret: String
    /// The raw JSON body; the signature covers exactly these bytes.
    let body: Data

    var description: String {
        "delivery \(eventID) (\(eventType.rawValue)) to \(webhookID)"
    }

    /// The event body `{"created_at","data":{"object":…},"id","type"}` with keys sorted like every
    /// other body, and the object's stored JSON spliced in byte for byte (what `GET` answers).
    static func eventBody(id: EventID, type: EventType, at: Timestamp, object: Data) -> Data {
        var body = Data(#"{"created_at":"\#(at)","data":{"object":"#.utf8)
        body.append(object)
        body.append(Data(#"},"id":"\#(id.rawValue)","type":"\#(type.rawValue)"}"#.utf8))
        return body
    }
}
